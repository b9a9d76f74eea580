package academy.cqo.filing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import academy.cqo.filing.persistence.EnterpriseDocument;
import academy.cqo.filing.persistence.EnterpriseStore;
import academy.cqo.filing.persistence.FilingDocument;
import academy.cqo.filing.persistence.FilingStore;
import academy.cqo.identity.CurrentUser;
import academy.cqo.identity.Invitations;
import academy.cqo.identity.RealNames;
import academy.cqo.notification.Notice;
import academy.cqo.notification.Notifications;
import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;

/**
 * Accounts an enterprise creates for others, each with a one-time link to set the
 * password (identity's {@link Invitations}): further contact users, invited by the
 * enterprise's first user, and the CQO a filing names when the ID number has no account
 * yet (created in the enterprise's region with the filed particulars). The link is shown
 * to the enterprise and sent to the new account's inbox (e-mailed when mail is
 * configured).
 */
@Service
public class EnterpriseInvitations {

	private final Enterprises enterprises;

	private final EnterpriseStore enterpriseStore;

	private final FilingStore filings;

	private final Invitations invitations;

	private final RealNames realNames;

	private final Notifications notifications;

	EnterpriseInvitations(Enterprises enterprises, EnterpriseStore enterpriseStore, FilingStore filings,
			Invitations invitations, RealNames realNames, Notifications notifications) {
		this.enterprises = enterprises;
		this.enterpriseStore = enterpriseStore;
		this.filings = filings;
		this.invitations = invitations;
		this.realNames = realNames;
		this.notifications = notifications;
	}

	/**
	 * An invited account and its one-time link (published answer).
	 *
	 * @param username the username the person signs in with
	 * @param link the path of the one-time link that sets the password
	 * @param expiresAt when the link stops working
	 */
	public record Invitation(String username, String link, Instant expiresAt) {

		static Invitation of(Invitations.Invited invited) {
			return new Invitation(invited.username(), invited.path(), invited.expiresAt());
		}

	}

	/**
	 * A contact user to invite (published body).
	 *
	 * @param contactName the contact's name
	 * @param mobile the mobile
	 * @param email the e-mail
	 */
	public record Contact(String contactName, String mobile, String email) {
	}

	/**
	 * The enterprise's first user invites another contact user.
	 * @param creditCode the enterprise
	 * @param contact who
	 * @param user the enterprise's first user
	 * @return the new account and its link
	 */
	public Mono<Invitation> inviteContact(String creditCode, Contact contact, CurrentUser user) {
		List<FieldViolation> violations = new ArrayList<>();
		Contact given = (contact != null) ? contact : new Contact(null, null, null);
		this.realNames.checkPersonName("contactName", given.contactName(), violations);
		this.realNames.checkMobile("mobile", given.mobile(), violations);
		this.realNames.checkEmail("email", given.email(), violations);
		return this.enterprises.own(user)
			.filter((enterprise) -> enterprise.creditCode().equals(RealNames.creditCode(String.valueOf(creditCode))))
			.switchIfEmpty(Mono.error(() -> new EnterpriseNotFound(creditCode)))
			.flatMap((enterprise) -> {
				if (!enterprise.accountIds().get(0).equals(user.accountId())) {
					return Mono.<Invitation>error(
							new AccessDeniedException("Only the enterprise's first user invites contacts"));
				}
				if (!violations.isEmpty()) {
					return Mono.<Invitation>error(new InvalidInput(violations));
				}
				return this.invitations
					.inviteEnterpriseContact(given.contactName().strip(), given.mobile().strip(), given.email().strip(),
							enterprise.regionCode(), enterprise.name(), enterprise.creditCode(), enterprise.industry(),
							user.username())
					.flatMap((invited) -> this.enterpriseStore.addAccount(enterprise.creditCode(), invited.accountId())
						.then(notifyInvited(invited, enterprise.name(), "filing.notice.contactInvited"))
						.thenReturn(Invitation.of(invited)));
			});
	}

	/**
	 * Invite the CQO a filing names when the ID number has no account yet: the account is
	 * created with the filed particulars in the enterprise's region and linked to the
	 * filing. Asked again while the person has not set a password, it gives a new link.
	 * @param filingId the filing
	 * @param user the enterprise
	 * @return the account and its link; a {@link Conflict} when the person already has an
	 * account of their own (the filing is then linked to it)
	 */
	public Mono<Invitation> inviteCqo(String filingId, CurrentUser user) {
		return this.enterprises.own(user)
			.flatMap((enterprise) -> this.filings.find(String.valueOf(filingId))
				.filter((filing) -> filing.creditCode().equals(enterprise.creditCode()))
				.switchIfEmpty(Mono.error(() -> new FilingNotFound(filingId)))
				.flatMap((filing) -> existingAccount(filing).flatMap((accountId) -> reinvite(filing, accountId))
					.switchIfEmpty(Mono.defer(() -> newAccount(filing, enterprise, user)))));
	}

	private Mono<String> existingAccount(FilingDocument filing) {
		return (filing.candidateAccountId() != null) ? Mono.just(filing.candidateAccountId())
				: this.realNames.accountWithIdNumber(filing.cqo().idNumberHash());
	}

	private Mono<Invitation> reinvite(FilingDocument filing, String accountId) {
		return this.filings.linkCandidate(filing.id(), accountId)
			.then(this.invitations.renew(accountId))
			.map(Invitation::of)
			.switchIfEmpty(Mono.error(() -> new CqoRegistered()));
	}

	private Mono<Invitation> newAccount(FilingDocument filing, EnterpriseDocument enterprise, CurrentUser user) {
		FilingDocument.Cqo cqo = filing.cqo();
		return this.invitations
			.inviteCandidate(new Invitations.Person(cqo.fullName(), this.realNames.reveal(cqo.idNumberCipher()),
					cqo.mobile(), cqo.email(), enterprise.regionCode(), filing.enterprise().name(),
					enterprise.creditCode(), enterprise.industry()), user.username())
			.flatMap((invited) -> this.filings.linkCandidate(filing.id(), invited.accountId())
				.then(notifyInvited(invited, enterprise.name(), "filing.notice.cqoInvited"))
				.thenReturn(Invitation.of(invited)));
	}

	private Mono<Void> notifyInvited(Invitations.Invited invited, String enterpriseName, String messageKey) {
		return this.notifications.send(new Notice("invitation:" + invited.accountId() + ":" + invited.expiresAt(),
				invited.accountId(), messageKey, List.of(enterpriseName, invited.username()), invited.path()));
	}

}
