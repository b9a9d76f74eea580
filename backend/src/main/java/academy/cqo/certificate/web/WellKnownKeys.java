package academy.cqo.certificate.web;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import academy.cqo.certificate.CertificateSettings;
import academy.cqo.certificate.signing.SigningKeys;

/**
 * The public keys that verify certificate tokens, as a JSON Web Key Set with the token
 * layout described, so that a third party can verify a printed certificate offline.
 */
@RestController
class WellKnownKeys {

	static final String PATH = "/.well-known/cqo-certificate-keys.json";

	private final SigningKeys keys;

	private final CertificateSettings settings;

	WellKnownKeys(SigningKeys keys, CertificateSettings settings) {
		this.keys = keys;
		this.settings = settings;
	}

	@GetMapping(PATH)
	@Operation(summary = "Ed25519 public keys (JWKS) that verify certificate QR tokens, and the token layout")
	ResponseEntity<Map<String, Object>> keys() {
		List<Map<String, Object>> jwks = this.keys.published().stream().map((key) -> {
			Map<String, Object> jwk = new LinkedHashMap<>();
			jwk.put("kty", "OKP");
			jwk.put("crv", "Ed25519");
			jwk.put("alg", "EdDSA");
			jwk.put("use", "sig");
			jwk.put("kid", key.keyId());
			jwk.put("x", Base64.getUrlEncoder().withoutPadding().encodeToString(key.publicKey()));
			jwk.put("status", key.active() ? "active" : "retired");
			return jwk;
		}).toList();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("issuer", this.settings.issuer());
		body.put("verificationUrl", this.settings.verificationUrl() + "{token}");
		body.put("keys", jwks);
		body.put("tokenFormat", Map.of("encoding", "base64url without padding", "layout", List.of("byte 0: version (1)",
				"byte 1: kind (1 = certificate, 2 = CE transcript)",
				"bytes 2-5: key id (first 4 bytes of SHA-256 of the raw public key; kid in hex)",
				"byte 6: prefix length n (1-8), then n ASCII capital letters",
				"2 bytes: year of the number (big-endian)", "3 bytes: sequence of the number (big-endian)",
				"2 bytes: issue date, days since 1970-01-01", "2 bytes: expiry date, days since 1970-01-01",
				"6 bytes: first bytes of SHA-256(\"cqo-holder|\" + number + \"|\" + NFKC name without blanks or "
						+ "middle dots)",
				"64 bytes: Ed25519 signature of all preceding bytes"), "number",
				"prefix-year-sequence, sequence zero-padded to 6 digits, e.g. JX-2026-000123"));
		return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1))).body(body);
	}

}
