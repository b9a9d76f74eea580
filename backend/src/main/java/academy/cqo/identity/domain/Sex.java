package academy.cqo.identity.domain;

/**
 * Sex as encoded in a resident identity number.
 */
public enum Sex {

	MALE, FEMALE

}
