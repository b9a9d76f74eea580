package academy.cqo.exam.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.scheduler.VirtualTimeScheduler;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

import academy.cqo.testsupport.Eventually;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Saves wait while a burst of starts is answered: at most the longest wait, in the order
 * they came, on their own connection's event loop, and never outside a burst.
 */
class StartsFirstTests {

	private final VirtualTimeScheduler clock = VirtualTimeScheduler.create();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final StartsFirst filter = new StartsFirst(Duration.ofSeconds(2), this.clock, this.meters);

	/** Saves whose handling went on, in order. */
	private final List<String> saved = new ArrayList<>();

	private final List<Disposable> requests = new ArrayList<>();

	@AfterEach
	void dispose() {
		this.requests.forEach(Disposable::dispose);
		this.clock.dispose();
	}

	@Test
	void aSaveDuringABurstOfStartsWaitsUntilNoMoreThanFourAreUnderWayThenGoesOnInTheOrderSavesCame() {
		List<Sinks.Empty<Void>> starts = startsUnderWay(StartsFirst.BURST + 2);
		save("q1");
		save("q2");
		assertThat(this.saved).isEmpty();
		assertThat(this.filter.savesHeld()).isEqualTo(2);
		starts.get(0).tryEmitEmpty();
		assertThat(this.saved).as("five starts are still under way").isEmpty();
		starts.get(1).tryEmitError(new IllegalStateException("a start that fails ends too"));
		assertThat(this.filter.startsUnderWay()).isEqualTo(StartsFirst.BURST);
		assertThat(this.saved).containsExactly("q1", "q2");
		assertThat(this.filter.savesHeld()).isZero();
		assertThat(this.meters.timer("cqo.exam.start.burst.save.hold").count()).isEqualTo(2);
		save("q3");
		assertThat(this.saved).as("four starts under way are not a burst").containsExactly("q1", "q2", "q3");
	}

	@Test
	void aSaveWaitsNoLongerThanTheLongestWaitWhenTheBurstGoesOn() {
		startsUnderWay(StartsFirst.BURST + 1);
		save("q1");
		this.clock.advanceTimeBy(Duration.ofMillis(1999));
		assertThat(this.saved).isEmpty();
		this.clock.advanceTimeBy(Duration.ofMillis(1));
		assertThat(this.saved).containsExactly("q1");
		assertThat(this.filter.savesHeld()).isZero();
		assertThat(this.filter.startsUnderWay()).isEqualTo(StartsFirst.BURST + 1);
	}

	@Test
	void onlySavesWaitAndOnlyInABurst() {
		List<Sinks.Empty<Void>> starts = startsUnderWay(StartsFirst.BURST);
		save("q1");
		assertThat(this.saved).containsExactly("q1");
		starts.addAll(startsUnderWay(1));
		List<String> others = new ArrayList<>();
		for (MockServerHttpRequest request : List.of(MockServerHttpRequest.get("/api/v1/attempts/a1").build(),
				MockServerHttpRequest.post("/api/v1/attempts/a1/submit").build(),
				MockServerHttpRequest.post("/api/v1/attempts/a1/events").build(),
				MockServerHttpRequest.put("/api/v1/attempts/a1/answers/").build(),
				MockServerHttpRequest.get("/api/v1/exam-sessions/s1/attempts").build())) {
			this.filter
				.filter(MockServerWebExchange.from(request),
						(exchange) -> Mono.fromRunnable(() -> others.add(request.getPath().value())))
				.subscribe();
		}
		assertThat(others).hasSize(5);
		assertThat(this.filter.startsUnderWay()).isEqualTo(StartsFirst.BURST + 1);
	}

	@Test
	void aStartWhoseClientLeftEndsAndASaveWhoseClientLeftIsForgotten() {
		startsUnderWay(StartsFirst.BURST);
		Disposable left = this.filter
			.filter(exchange(HttpMethod.POST, "/api/v1/exam-sessions/s1/attempts"), (exchange) -> Mono.never())
			.subscribe();
		Disposable save = save("q1");
		assertThat(this.filter.savesHeld()).isEqualTo(1);
		save.dispose();
		assertThat(this.filter.savesHeld()).isZero();
		left.dispose();
		assertThat(this.filter.startsUnderWay()).isEqualTo(StartsFirst.BURST);
		this.clock.advanceTimeBy(Duration.ofSeconds(5));
		assertThat(this.saved).isEmpty();
		assertThat(this.meters.timer("cqo.exam.start.burst.save.hold").count()).isZero();
	}

	@Test
	void noWaitTurnsItOff() {
		StartsFirst off = new StartsFirst(Duration.ZERO, this.clock, this.meters);
		for (int i = 0; i <= StartsFirst.BURST; i++) {
			this.requests.add(off
				.filter(exchange(HttpMethod.POST, "/api/v1/exam-sessions/s1/attempts"), (exchange) -> Mono.never())
				.subscribe());
		}
		off.filter(exchange(HttpMethod.PUT, "/api/v1/attempts/a1/answers/q1"),
				(exchange) -> Mono.fromRunnable(() -> this.saved.add("q1")))
			.subscribe();
		assertThat(this.saved).containsExactly("q1");
	}

	@Test
	void startsAndSavesAreKnownByTheirPublishedPaths() {
		assertThat(StartsFirst.isStart(request(HttpMethod.POST, "/api/v1/exam-sessions/s-1/attempts"))).isTrue();
		assertThat(StartsFirst.isStart(request(HttpMethod.GET, "/api/v1/exam-sessions/s-1/attempts"))).isFalse();
		assertThat(StartsFirst.isStart(request(HttpMethod.POST, "/api/v1/exam-sessions//attempts"))).isFalse();
		assertThat(StartsFirst.isStart(request(HttpMethod.POST, "/api/v1/exam-sessions/s/x/attempts"))).isFalse();
		assertThat(StartsFirst.isStart(request(HttpMethod.POST, "/api/v1/exam-sessions/s/attempts/x"))).isFalse();
		assertThat(StartsFirst.isSave(request(HttpMethod.PUT, "/api/v1/attempts/a-1/answers/q-1"))).isTrue();
		assertThat(StartsFirst.isSave(request(HttpMethod.POST, "/api/v1/attempts/a-1/answers/q-1"))).isFalse();
		assertThat(StartsFirst.isSave(request(HttpMethod.PUT, "/api/v1/attempts/a-1/answers/"))).isFalse();
		assertThat(StartsFirst.isSave(request(HttpMethod.PUT, "/api/v1/attempts//answers/q"))).isFalse();
		assertThat(StartsFirst.isSave(request(HttpMethod.PUT, "/api/v1/attempts/a/answers/q/x"))).isFalse();
		assertThat(StartsFirst.isSave(request(HttpMethod.PUT, "/api/v1/attempts/a/events"))).isFalse();
	}

	/**
	 * Over real HTTP on a Reactor Netty server: a save that came during a burst is
	 * answered only once a start has ended, and its handling goes on on its own
	 * connection's event loop, not on the thread that ended the start.
	 */
	@Test
	void overHttpAHeldSaveGoesOnOnItsOwnConnectionsEventLoopOnceTheBurstEnds() throws Exception {
		StartsFirst real = new StartsFirst(Duration.ofSeconds(30), this.clock, this.meters);
		int burst = StartsFirst.BURST + 1;
		CountDownLatch arrived = new CountDownLatch(burst);
		ConcurrentLinkedQueue<Sinks.Empty<Void>> underWay = new ConcurrentLinkedQueue<>();
		AtomicInteger ended = new AtomicInteger();
		WebHandler handler = (exchange) -> {
			if (exchange.getRequest().getMethod() == HttpMethod.POST) {
				Sinks.Empty<Void> start = Sinks.empty();
				underWay.add(start);
				arrived.countDown();
				return start.asMono().then(write(exchange, "started"));
			}
			boolean ownLoop = ((Connection) ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest()))
				.channel()
				.eventLoop()
				.inEventLoop();
			return write(exchange, "starts ended " + ended.get() + ", own event loop " + ownLoop + ", "
					+ Thread.currentThread().getName().startsWith("reactor-http"));
		};
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.handle(new ReactorHttpHandlerAdapter(WebHttpHandlerBuilder.webHandler(handler).filter(real).build()))
			.bindNow();
		try (HttpClient client = HttpClient.newHttpClient()) {
			String base = "http://127.0.0.1:" + server.port();
			List<CompletableFuture<HttpResponse<String>>> starts = new ArrayList<>();
			for (int i = 0; i < burst; i++) {
				starts
					.add(client.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/v1/exam-sessions/s1/attempts"))
						.POST(HttpRequest.BodyPublishers.noBody())
						.build(), HttpResponse.BodyHandlers.ofString()));
			}
			assertThat(arrived.await(30, TimeUnit.SECONDS)).isTrue();
			CompletableFuture<HttpResponse<String>> save = client
				.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/v1/attempts/a1/answers/q1"))
					.PUT(HttpRequest.BodyPublishers.ofString("{}"))
					.build(), HttpResponse.BodyHandlers.ofString());
			Eventually.await("the save held for the burst", Duration.ofSeconds(30), () -> real.savesHeld() == 1);
			assertThat(save).isNotDone();
			ended.incrementAndGet();
			underWay.poll().tryEmitEmpty();
			assertThat(save.get(30, TimeUnit.SECONDS).body()).isEqualTo("starts ended 1, own event loop true, true");
			underWay.forEach(Sinks.Empty::tryEmitEmpty);
			for (CompletableFuture<HttpResponse<String>> start : starts) {
				assertThat(start.get(30, TimeUnit.SECONDS).body()).isEqualTo("started");
			}
			assertThat(real.startsUnderWay()).isZero();
		}
		finally {
			server.disposeNow();
		}
	}

	private List<Sinks.Empty<Void>> startsUnderWay(int count) {
		List<Sinks.Empty<Void>> starts = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Sinks.Empty<Void> start = Sinks.empty();
			starts.add(start);
			this.requests.add(this.filter
				.filter(exchange(HttpMethod.POST, "/api/v1/exam-sessions/s1/attempts"), (exchange) -> start.asMono())
				.subscribe(null, (error) -> {
				}));
		}
		return starts;
	}

	private Disposable save(String questionId) {
		Disposable request = this.filter
			.filter(exchange(HttpMethod.PUT, "/api/v1/attempts/a1/answers/" + questionId),
					(exchange) -> Mono.fromRunnable(() -> this.saved.add(questionId)))
			.subscribe();
		this.requests.add(request);
		return request;
	}

	private static ServerWebExchange exchange(HttpMethod method, String path) {
		return MockServerWebExchange.from(request(method, path));
	}

	private static MockServerHttpRequest request(HttpMethod method, String path) {
		return MockServerHttpRequest.method(method, URI.create(path)).build();
	}

	private static Mono<Void> write(ServerWebExchange exchange, String body) {
		return exchange.getResponse()
			.writeWith(Mono.just(exchange.getResponse().bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
	}

}
