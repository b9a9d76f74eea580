/**
 * Where each role lands after signing in: the candidate's, the trainer's and the bureau's
 * home pages, built from the other modules' public reads (nothing depends on this
 * module).
 */
package academy.cqo.home;
