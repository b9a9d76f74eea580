package academy.cqo.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The public home page.
 */
@Controller
class HomePage {

	@GetMapping("/")
	String home() {
		return "home";
	}

}
