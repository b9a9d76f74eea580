package academy.cqo.certificate.domain;

/**
 * How much of a verifier's address the log keeps: the network, not the machine
 * ({@code 203.0.113.7} → {@code 203.0.113.0/24}, IPv6 → its /48).
 */
public final class CoarseOrigin {

	private CoarseOrigin() {
	}

	public static String of(String address) {
		if (address == null || address.isBlank()) {
			return "unknown";
		}
		String text = address.strip();
		if (text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
			return text.substring(0, text.lastIndexOf('.')) + ".0/24";
		}
		if (text.contains(":")) {
			String[] groups = text.replace("[", "").replace("]", "").split(":", -1);
			StringBuilder prefix = new StringBuilder();
			for (int i = 0; i < 3 && i < groups.length; i++) {
				prefix.append(groups[i].isEmpty() ? "0" : groups[i]).append(':');
			}
			return prefix + ":/48";
		}
		return "unknown";
	}

}
