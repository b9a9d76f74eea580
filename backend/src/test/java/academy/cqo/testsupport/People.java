package academy.cqo.testsupport;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Valid, unique real-name data for tests. ID numbers are computed here independently of
 * the production code (GB 11643: weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, check
 * characters 1 0 X 9 8 7 6 5 4 3 2).
 */
public final class People {

	private static final AtomicInteger sequence = new AtomicInteger(100 + (int) (System.nanoTime() % 400));

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String CHECKS = "10X98765432";

	/** Valid credit codes from the published check algorithm (GB 32100). */
	public static final String CREDIT_CODE = "91360100MA35F7Q46X";

	private People() {
	}

	/**
	 * A fresh valid ID number born in Nanchang (360102).
	 * @return 18 characters
	 */
	public static String idNumber() {
		int n = sequence.incrementAndGet();
		LocalDate birth = LocalDate.of(1970, 1, 1).plusDays(n % 12000);
		String body = String.format("360102%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(),
				birth.getDayOfMonth(), n % 1000);
		return body + checkCharacter(body);
	}

	public static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECKS.charAt(sum % 11);
	}

	private static final String CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] CREDIT_WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	/**
	 * A fresh valid unified social credit code (GB 32100, check character MOD 31) of an
	 * enterprise registered in a county.
	 * @param county the six-digit county code
	 * @return 18 characters
	 */
	public static String creditCode(String county) {
		long n = sequence.incrementAndGet() * 7919L + System.nanoTime() % 1_000_000;
		StringBuilder body = new StringBuilder("91").append(county).append("MA");
		for (int i = 0; i < 7; i++) {
			body.append(CREDIT_ALPHABET.charAt((int) (n % 31)));
			n /= 31;
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += CREDIT_ALPHABET.indexOf(body.charAt(i)) * CREDIT_WEIGHTS[i];
		}
		return body.append(CREDIT_ALPHABET.charAt((31 - sum % 31) % 31)).toString();
	}

	public static String username() {
		return "user" + sequence.incrementAndGet() + "x" + Long.toString(System.nanoTime() % 100000, 36);
	}

	/**
	 * A registration request body as JSON, with every field valid.
	 * @param username the username
	 * @param idNumber the ID number
	 * @param regionCode the county
	 * @return JSON
	 */
	public static java.util.Map<String, Object> registration(String username, String idNumber, String regionCode) {
		java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("username", username);
		body.put("password", "Qual1ty#Safe");
		body.put("fullName", "李质量");
		body.put("idNumber", idNumber);
		body.put("mobile", "13912345678");
		body.put("email", username + "@example.com");
		body.put("regionCode", regionCode);
		body.put("employerName", "江西省质量示范企业（集团）有限公司");
		body.put("employerCreditCode", CREDIT_CODE);
		body.put("employerIndustry", "C");
		return body;
	}

}
