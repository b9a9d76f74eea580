package academy.cqo.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.EventListener;

/**
 * Every event the application's modules publish ({@code academy.cqo.*} payloads), on any
 * thread, for tests to look at. Spring's own {@code ApplicationEvents} only sees events
 * published on the test's thread, which reactive code does not use.
 */
public class PublishedEvents {

	private final List<Object> events = new CopyOnWriteArrayList<>();

	@EventListener
	void on(PayloadApplicationEvent<?> event) {
		if (event.getPayload().getClass().getName().startsWith("academy.cqo.")) {
			this.events.add(event.getPayload());
		}
	}

	public <T> Stream<T> of(Class<T> type) {
		return this.events.stream().filter(type::isInstance).map(type::cast);
	}

}
