package academy.cqo.identity.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import academy.cqo.identity.AccountProfile;
import academy.cqo.identity.Accounts;
import academy.cqo.identity.CurrentUser;
import academy.cqo.identity.Role;

/**
 * The signed-in person's own account.
 */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "me", description = "The signed-in person's account")
class MeApi {

	private final Accounts accounts;

	private final academy.cqo.identity.AccountPhotos photos;

	MeApi(Accounts accounts, academy.cqo.identity.AccountPhotos photos) {
		this.accounts = accounts;
		this.photos = photos;
	}

	record Me(String username, List<String> roles, String fullName, String idNumberMasked, String sex,
			LocalDate birthDate, String mobileMasked, String email, String regionCode, String employerName,
			String employerCreditCode, String employerIndustry) {

		static Me of(AccountProfile profile) {
			return new Me(profile.username(), profile.roles().stream().map(Role::name).sorted().toList(),
					profile.fullName(), profile.idNumberMasked(), profile.sex(), profile.birthDate(),
					profile.mobileMasked(), profile.email(), profile.regionCode(), profile.employerName(),
					profile.employerCreditCode(), profile.employerIndustry());
		}

	}

	record IdNumber(String idNumber) {
	}

	@GetMapping
	@Operation(summary = "The signed-in account, personal data masked")
	Mono<Me> me(@AuthenticationPrincipal CurrentUser user) {
		return this.accounts.profile(user.accountId()).map(Me::of);
	}

	@org.springframework.web.bind.annotation.PutMapping(path = "/photo",
			consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Upload the 2-inch ID photo printed on certificates (JPEG or PNG, at most 2 MB, at least "
			+ "90×120 px); 422 names the problem")
	Mono<org.springframework.http.ResponseEntity<Void>> uploadPhoto(
			@org.springframework.web.bind.annotation.RequestPart("photo") org.springframework.http.codec.multipart.FilePart photo,
			@AuthenticationPrincipal CurrentUser user) {
		return PhotoUploads.read(photo)
			.flatMap((bytes) -> this.photos.upload(user.accountId(), bytes))
			.thenReturn(org.springframework.http.ResponseEntity.noContent().build());
	}

	@GetMapping("/photo")
	@Operation(summary = "The signed-in person's photo")
	Mono<org.springframework.http.ResponseEntity<byte[]>> photo(@AuthenticationPrincipal CurrentUser user) {
		return PhotoUploads.image(this.photos.photo(user.accountId()));
	}

	@GetMapping("/id-number")
	@Operation(summary = "The signed-in person's own full ID number (audited)")
	Mono<IdNumber> idNumber(@AuthenticationPrincipal CurrentUser user) {
		return this.accounts.revealIdNumber(user.accountId(), user).map(IdNumber::new);
	}

}
