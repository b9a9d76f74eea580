package academy.cqo.certificate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import academy.cqo.certificate.persistence.CertificateStore;
import academy.cqo.certificate.persistence.VerificationLogStore;
import academy.cqo.platform.Sweep;

/**
 * The verification log and the per-certificate counters, written off the response path: a
 * verdict is answered at once and its log entry queued; every
 * {@code cqo.certificate.verification-log-interval} (default 1 s) the queue is written as
 * one batch of inserts plus one counter increment per certificate. A crash loses at most
 * the entries of the last interval (never a verdict, which is read live); a clean
 * shutdown writes what is queued. When the queue is full (the store is down or far
 * behind), entries are written before answering again, so nothing is dropped silently.
 */
@Component
class VerificationJournal implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(VerificationJournal.class);

	private static final int BACKLOG = 20_000;

	private static final int BATCH = 2_000;

	private final VerificationLogStore log;

	private final CertificateStore certificates;

	private final Duration interval;

	private final ConcurrentLinkedQueue<VerificationLogStore.Entry> queued = new ConcurrentLinkedQueue<>();

	private final AtomicInteger size = new AtomicInteger();

	private final AtomicBoolean flushing = new AtomicBoolean();

	private volatile boolean running;

	VerificationJournal(VerificationLogStore log, CertificateStore certificates, CertificateSettings settings) {
		this.log = log;
		this.certificates = certificates;
		this.interval = settings.verificationLogInterval();
	}

	/**
	 * Take note of a verification.
	 * @param entry the log entry (its certificate, when known, is counted)
	 * @return at once, or once written when the queue is full or the journal stopped
	 */
	Mono<Void> append(VerificationLogStore.Entry entry) {
		if (!this.running || this.size.get() >= BACKLOG) {
			return write(List.of(entry));
		}
		this.queued.add(entry);
		this.size.incrementAndGet();
		return Mono.empty();
	}

	@Bean
	Sweep verificationLogSweep() {
		return Sweep.local("verification-log", this.interval, this::flush);
	}

	/**
	 * Write what is queued.
	 * @return when written
	 */
	Mono<Void> flush() {
		if (!this.flushing.compareAndSet(false, true)) {
			return Mono.empty();
		}
		return Flux.<List<VerificationLogStore.Entry>>generate((sink) -> {
			List<VerificationLogStore.Entry> batch = drain();
			if (batch.isEmpty()) {
				sink.complete();
			}
			else {
				sink.next(batch);
			}
		}).concatMap(this::write).then().doFinally((signal) -> this.flushing.set(false));
	}

	private List<VerificationLogStore.Entry> drain() {
		List<VerificationLogStore.Entry> batch = new ArrayList<>();
		VerificationLogStore.Entry entry;
		while (batch.size() < BATCH && (entry = this.queued.poll()) != null) {
			this.size.decrementAndGet();
			batch.add(entry);
		}
		return batch;
	}

	private Mono<Void> write(List<VerificationLogStore.Entry> batch) {
		Map<String, Integer> counts = new TreeMap<>();
		batch.stream()
			.filter((entry) -> entry.certificateId() != null)
			.forEach((entry) -> counts.merge(entry.certificateId(), 1, Integer::sum));
		return this.log.appendAll(batch)
			.thenMany(Flux.fromIterable(counts.entrySet()))
			.concatMap((count) -> this.certificates.countVerifications(count.getKey(), count.getValue()))
			.then();
	}

	@Override
	public void start() {
		this.running = true;
	}

	/** Write what is queued before the store closes (after the web server stopped). */
	@Override
	public void stop() {
		this.running = false;
		try {
			flush().block(Duration.ofSeconds(30));
		}
		catch (RuntimeException ex) {
			logger.warn("Writing the verification log at shutdown failed", ex);
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return 0;
	}

}
