package academy.cqo.filing.web;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ServerWebExchange;

import academy.cqo.filing.FilingDocuments;
import academy.cqo.shared.PageController;
import academy.cqo.shared.Pages;

/** The public page a printed filing form's QR code opens: is this filing in effect? */
@PageController
class FilingCheckPage implements Pages {

	private final FilingDocuments documents;

	FilingCheckPage(FilingDocuments documents) {
		this.documents = documents;
	}

	@GetMapping("/filing-checks/{number}")
	Mono<String> check(@PathVariable String number, Model model, ServerWebExchange exchange) {
		return this.documents.check(number).map((check) -> {
			model.addAttribute("check", check);
			return "filing/check";
		}).switchIfEmpty(Mono.fromSupplier(() -> {
			exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
			model.addAttribute("check", null);
			return "filing/check";
		}));
	}

}
