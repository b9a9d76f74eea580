package academy.cqo.certificate;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifications that miss a holder fact at the same moment share one read; a forgotten
 * fact and a failed read are read again.
 */
class VerificationCacheTests {

	private final VerificationCache cache = new VerificationCache(null, Clock.systemUTC());

	private final AtomicInteger reads = new AtomicInteger();

	private Mono<String> slowRead() {
		this.reads.incrementAndGet();
		return Mono.just("GOOD_STANDING").delayElement(Duration.ofMillis(200));
	}

	@Test
	void whenManyVerificationsMissAFactAtOnceThenItIsReadOnce() {
		Flux.range(0, 32)
			.flatMap((i) -> this.cache.holderFact("ce", "a1", this::slowRead))
			.as(StepVerifier::create)
			.expectNextCount(32)
			.verifyComplete();
		assertThat(this.reads).hasValue(1);
		this.cache.holderFact("ce", "a1", this::slowRead)
			.as(StepVerifier::create)
			.expectNext("GOOD_STANDING")
			.verifyComplete();
		assertThat(this.reads).as("reused within the period").hasValue(1);
	}

	@Test
	void whenAFactIsForgottenThenTheNextVerificationReadsIt() {
		this.cache.holderFact("ce", "a1", this::slowRead).as(StepVerifier::create).expectNextCount(1).verifyComplete();
		this.cache.forget("a1");
		this.cache.holderFact("ce", "a1", this::slowRead).as(StepVerifier::create).expectNextCount(1).verifyComplete();
		assertThat(this.reads).hasValue(2);
	}

	@Test
	void whenAReadFailsThenItIsNotRememberedAndAnEmptyFactIs() {
		this.cache.holderFact("appointment", "a1", () -> Mono.<String>error(new IllegalStateException("store down")))
			.as(StepVerifier::create)
			.expectError(IllegalStateException.class)
			.verify();
		this.cache.holderFact("appointment", "a1", this::slowRead)
			.as(StepVerifier::create)
			.expectNext("GOOD_STANDING")
			.verifyComplete();
		this.cache.holderFact("honours", "a1", Mono::<String>empty).as(StepVerifier::create).verifyComplete();
		this.cache.holderFact("honours", "a1", this::slowRead).as(StepVerifier::create).verifyComplete();
		assertThat(this.reads).as("the failed read retried, the empty fact reused").hasValue(1);
	}

}
