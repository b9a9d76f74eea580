/**
 * Reporting's rules without storage or web: the states of a 附件3 report and of a roster
 * import, with their transitions and the store guards they yield.
 */
package academy.cqo.reporting.domain;
