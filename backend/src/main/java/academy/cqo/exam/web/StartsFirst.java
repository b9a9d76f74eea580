package academy.cqo.exam.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.netty.channel.EventLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import academy.cqo.exam.ExamSettings;

/**
 * Starts before saves while a synchronised start is being answered. When more than
 * {@value #BURST} starts ({@code POST /api/v1/exam-sessions/{id}/attempts}) are under
 * way, an answer save ({@code PUT /api/v1/attempts/{id}/answers/{questionId}}) that comes
 * in waits, before anything else is done for it, until no more than {@value #BURST} are,
 * or for at most {@code cqo.exam.start-burst-save-wait} (2 s; {@code 0} turns this off),
 * and then goes on as usual on its own connection's event loop. A save is acknowledged
 * only once committed either way; holding it changes when it is applied, not whether.
 * <p>
 * Why: at a synchronised start every candidate waits for the start, and the candidates
 * answered first send their first saves (after a few seconds of reading) while the
 * others' starts are still being answered; on two cores those saves' request handling
 * took its share of the CPU from the remaining starts and added 0.3–0.5 s to the start's
 * p99 at 2,000 candidates ({@code docs/BENCHMARKS.md}, issue 17). A save held for the
 * rest of the burst (about a second) is shown as "saving" by the exam page, and the
 * deadline is far: a burst is the start of an exam, and a save of another session's
 * candidate near their deadline is still within its grace period. Submits, page events
 * and reads never wait, and outside a burst (a few starts at a time) no save does.
 * <p>
 * Each held save is counted in the {@code cqo.exam.start.burst.save.hold} timer, and the
 * end of a burst that held saves is logged with how many and the longest wait.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class StartsFirst implements WebFilter {

	private static final Logger logger = LoggerFactory.getLogger(StartsFirst.class);

	/** More starts under way than this are a burst. */
	static final int BURST = 4;

	private static final String STARTS = "/api/v1/exam-sessions/";

	private static final String ATTEMPTS = "/api/v1/attempts/";

	private final AtomicInteger starts = new AtomicInteger();

	private final Object lock = new Object();

	/** Saves waiting for the burst to end, in the order they came. */
	private final Set<Held> held = new LinkedHashSet<>();

	/** Saves let go in the current burst and the longest wait so far (nanoseconds). */
	private int heldInBurst;

	private long longestWait;

	private final long maxWaitNanos;

	private final Scheduler fallback;

	private final Timer holds;

	@Autowired
	StartsFirst(ExamSettings settings, ObjectProvider<MeterRegistry> meters) {
		this(settings.startBurstSaveWait(), Schedulers.parallel(), meters.getIfAvailable(() -> Metrics.globalRegistry));
	}

	/**
	 * A filter.
	 * @param maxWait the longest a save waits ({@code 0}: never)
	 * @param fallback where a held save goes on when its request is not a Netty
	 * connection's (and its timer when so)
	 * @param meters where the hold timer is registered
	 */
	StartsFirst(Duration maxWait, Scheduler fallback, MeterRegistry meters) {
		this.maxWaitNanos = maxWait.toNanos();
		this.fallback = fallback;
		this.holds = Timer.builder("cqo.exam.start.burst.save.hold")
			.description("Answer saves held while a burst of starts was answered")
			.register(meters);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (isStart(request)) {
			return Mono.defer(() -> {
				this.starts.incrementAndGet();
				return chain.filter(exchange).doFinally((signal) -> startEnded());
			});
		}
		if (this.maxWaitNanos > 0 && isSave(request)) {
			return Mono.defer(() -> (this.starts.get() > BURST) ? hold(exchange).then(chain.filter(exchange))
					: chain.filter(exchange));
		}
		return chain.filter(exchange);
	}

	/**
	 * How many starts are under way (for tests).
	 * @return the starts
	 */
	int startsUnderWay() {
		return this.starts.get();
	}

	/**
	 * How many saves are waiting (for tests).
	 * @return the saves
	 */
	int savesHeld() {
		synchronized (this.lock) {
			return this.held.size();
		}
	}

	static boolean isStart(ServerHttpRequest request) {
		if (request.getMethod() != HttpMethod.POST) {
			return false;
		}
		String path = request.getPath().pathWithinApplication().value();
		int end = path.length() - "/attempts".length();
		return path.startsWith(STARTS) && path.endsWith("/attempts") && end > STARTS.length()
				&& path.indexOf('/', STARTS.length()) == end;
	}

	static boolean isSave(ServerHttpRequest request) {
		if (request.getMethod() != HttpMethod.PUT) {
			return false;
		}
		String path = request.getPath().pathWithinApplication().value();
		if (!path.startsWith(ATTEMPTS)) {
			return false;
		}
		int slash = path.indexOf('/', ATTEMPTS.length());
		return slash > ATTEMPTS.length() && path.startsWith("/answers/", slash)
				&& path.length() > slash + "/answers/".length() && path.indexOf('/', slash + "/answers/".length()) < 0;
	}

	private Mono<Void> hold(ServerWebExchange exchange) {
		EventLoop loop = eventLoopOf(exchange.getRequest());
		return Mono.create((sink) -> {
			Held save = new Held(sink, loop);
			boolean burst;
			synchronized (this.lock) {
				// checked again under the lock that the end of a burst takes to let saves
				// go
				burst = this.starts.get() > BURST;
				if (burst) {
					this.held.add(save);
				}
			}
			if (!burst) {
				sink.success();
				return;
			}
			sink.onDispose(() -> {
				synchronized (this.lock) {
					this.held.remove(save);
				}
				save.cancelTimer();
			});
			try {
				save.timer = (loop != null)
						? new FutureDisposable(loop.schedule(save::letGo, this.maxWaitNanos, TimeUnit.NANOSECONDS))
						: this.fallback.schedule(save::letGo, this.maxWaitNanos, TimeUnit.NANOSECONDS);
			}
			catch (RejectedExecutionException ex) {
				// shutting down: no timer, so no wait
				save.letGo();
			}
		});
	}

	private void startEnded() {
		if (this.starts.decrementAndGet() > BURST) {
			return;
		}
		List<Held> released;
		synchronized (this.lock) {
			if (this.held.isEmpty() && this.heldInBurst == 0) {
				return;
			}
			released = new ArrayList<>(this.held);
		}
		released.forEach(Held::letGo);
		int count;
		long longest;
		synchronized (this.lock) {
			if (!this.held.isEmpty() || this.heldInBurst == 0) {
				// another burst began meanwhile, or another start's end reported this one
				return;
			}
			count = this.heldInBurst;
			longest = this.longestWait;
			this.heldInBurst = 0;
			this.longestWait = 0;
		}
		logger.info("A burst of starts was answered first: {} answer saves waited for it, the longest {} ms", count,
				TimeUnit.NANOSECONDS.toMillis(longest));
	}

	/**
	 * The event loop of the connection a request came on, or {@code null} when it did not
	 * come on a Netty connection.
	 */
	private static EventLoop eventLoopOf(ServerHttpRequest request) {
		try {
			Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request);
			return (nativeRequest instanceof Connection connection) ? connection.channel().eventLoop() : null;
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			// not a Netty connection's (a decorator without one, a mock)
			return null;
		}
	}

	/** A held save: let go once, on its connection's event loop (or the fallback). */
	private final class Held {

		private final MonoSink<Void> sink;

		private final EventLoop loop;

		private final long since = System.nanoTime();

		private final AtomicBoolean gone = new AtomicBoolean();

		private volatile Disposable timer;

		Held(MonoSink<Void> sink, EventLoop loop) {
			this.sink = sink;
			this.loop = loop;
		}

		void letGo() {
			if (!this.gone.compareAndSet(false, true)) {
				return;
			}
			long waited = System.nanoTime() - this.since;
			StartsFirst.this.holds.record(waited, TimeUnit.NANOSECONDS);
			synchronized (StartsFirst.this.lock) {
				StartsFirst.this.held.remove(this);
				StartsFirst.this.heldInBurst++;
				StartsFirst.this.longestWait = Math.max(StartsFirst.this.longestWait, waited);
			}
			cancelTimer();
			if (this.loop != null) {
				try {
					this.loop.execute(this.sink::success);
					return;
				}
				catch (RejectedExecutionException ex) {
					// the connection's event loop is shutting down
				}
			}
			try {
				StartsFirst.this.fallback.schedule(this.sink::success);
			}
			catch (RejectedExecutionException ex) {
				this.sink.success();
			}
		}

		void cancelTimer() {
			Disposable scheduled = this.timer;
			if (scheduled != null) {
				scheduled.dispose();
			}
		}

	}

	private record FutureDisposable(Future<?> future) implements Disposable {

		@Override
		public void dispose() {
			this.future.cancel(false);
		}

		@Override
		public boolean isDisposed() {
			return this.future.isDone();
		}

	}

}
