package academy.cqo.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Controller;

/**
 * A controller of pages (Thymeleaf views and their fragments), as opposed to an API's
 * {@code @RestController}: what every page's layout needs (the visitor, the CSRF token,
 * the unread notices) is added to the model of these only. A {@code @RestController} is a
 * {@code @Controller} too, so advice for {@code @Controller} ran its model methods on
 * every API request as well (3 % of the server's CPU samples of a save). A page
 * controller also implements {@link Pages}, by which that advice selects it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface PageController {

	/**
	 * The bean name, as {@link Controller#value()}.
	 * @return the name, or empty for the default
	 */
	@AliasFor(annotation = Controller.class)
	String value() default "";

}
