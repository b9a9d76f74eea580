package academy.cqo.shared;

/**
 * Implemented by every {@link PageController}, so that the advice adding what every
 * page's layout needs to the model selects them by type: advice selected by an annotation
 * looks the annotation up on the handler's class on every request (API requests
 * included), which was 1.2 % of an exam day's server CPU; by type it is a class check.
 * {@code PageControllersTests} keeps the two together.
 */
public interface Pages {

}
