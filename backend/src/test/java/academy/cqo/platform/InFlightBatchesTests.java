package academy.cqo.platform;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;

import academy.cqo.platform.InFlightBatches.Waiting;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A caller waiting in a batch lets go of its request once answered: a batch's items that
 * were promoted to the old generation and died there must not keep the callers' requests
 * alive until a full collection.
 */
class InFlightBatchesTests {

	@Test
	void anAnsweredCallerLetsGoOfWhatItAskedAndOfItsRequest() {
		List<Waiting<String, String>> batch = new ArrayList<>();
		AtomicReference<String> answer = new AtomicReference<>();
		WeakReference<Object> request = subscribe(batch, answer);
		Waiting<String, String> waiting = batch.get(0);
		assertThat(waiting.asked()).isEqualTo("id-1");
		assertThat(waiting.answered()).isFalse();
		assertThat(reachableAfterCollections(request)).as("the request while its caller waits").isTrue();

		waiting.success("record-1");

		assertThat(answer.get()).isEqualTo("record-1");
		assertThat(waiting.answered()).isTrue();
		assertThat(waiting.asked()).isNull();
		// the batch still holds the item, as a promoted dead batch list would
		assertThat(reachableAfterCollections(request)).as("the request once its caller is answered").isFalse();
		waiting.success("again");
		assertThat(answer.get()).isEqualTo("record-1");
	}

	@Test
	void aCallerAnsweredWithAnErrorLetsGoToo() {
		List<Waiting<String, String>> batch = new ArrayList<>();
		AtomicReference<String> answer = new AtomicReference<>();
		WeakReference<Object> request = subscribe(batch, answer);
		batch.get(0).error(new IllegalStateException("store down"));
		assertThat(answer.get()).isEqualTo("error: store down");
		assertThat(batch.get(0).answered()).isTrue();
		assertThat(reachableAfterCollections(request)).isFalse();
	}

	/**
	 * A caller's request (a subscriber holding the reply it is building) that only the
	 * batch's item reaches.
	 */
	private static WeakReference<Object> subscribe(List<Waiting<String, String>> batch,
			AtomicReference<String> answer) {
		Request request = new Request(answer);
		Mono.<String>create((sink) -> batch.add(new Waiting<>("id-1", sink))).subscribe(request);
		return new WeakReference<>(request);
	}

	private static boolean reachableAfterCollections(WeakReference<Object> reference) {
		for (int i = 0; i < 5 && reference.get() != null; i++) {
			System.gc();
		}
		return reference.get() != null;
	}

	private static final class Request implements CoreSubscriber<String> {

		private final AtomicReference<String> answer;

		/** The reply it is building. */
		final byte[] reply = new byte[64 * 1024];

		Request(AtomicReference<String> answer) {
			this.answer = answer;
		}

		@Override
		public void onSubscribe(Subscription subscription) {
			subscription.request(1);
		}

		@Override
		public void onNext(String value) {
			this.answer.set(value);
		}

		@Override
		public void onError(Throwable error) {
			this.answer.set("error: " + error.getMessage());
		}

		@Override
		public void onComplete() {
		}

	}

}
