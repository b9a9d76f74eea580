package academy.cqo.platform.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.util.retry.Retry;

import academy.cqo.platform.StoreRetry;

/**
 * Wraps the driver's client so that every operation's publisher retries a transient store
 * failure, as {@link StoreRetry} describes: operations that never reached the store
 * always, reads also when the connection broke after sending, writes then only inside
 * {@link StoreRetry#idempotent}. A stream that has already delivered a document is never
 * repeated. The wrapping follows the client's own types (client → database → collection →
 * publisher), so nothing above the driver changes.
 */
final class RetryingMongoClient {

	private static final Logger logger = LoggerFactory.getLogger(RetryingMongoClient.class);

	private static final Set<String> READS = Set.of("find", "aggregate", "countDocuments", "estimatedDocumentCount",
			"distinct", "listIndexes", "listCollections", "listCollectionNames", "listDatabases", "listDatabaseNames");

	static final int ATTEMPTS = 6;

	static final Duration FIRST_BACKOFF = Duration.ofMillis(50);

	static final Duration MAX_BACKOFF = Duration.ofSeconds(1);

	private final AtomicLong retries = new AtomicLong();

	MongoClient wrap(MongoClient client) {
		return (MongoClient) proxy(MongoClient.class, client, null);
	}

	/**
	 * How many operations were repeated after a transient failure since start-up.
	 * @return the number of retries
	 */
	long retries() {
		return this.retries.get();
	}

	private Object proxy(Class<?> type, Object target, Kind kind) {
		return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, new Handler(target, kind));
	}

	private static boolean wraps(Class<?> type) {
		return type.isInterface() && (Publisher.class.isAssignableFrom(type) || type == MongoDatabase.class
				|| type == MongoCollection.class || type == MongoClient.class);
	}

	/**
	 * Whether a failure may be retried.
	 * @param failure what the driver signalled
	 * @param repeatable whether the operation may run twice (a read, or an idempotent
	 * write)
	 * @return {@code true} to retry
	 */
	static boolean isTransient(Throwable failure, boolean repeatable) {
		if (failure instanceof MongoConnectionPoolClearedException || failure instanceof MongoSocketOpenException
				|| failure instanceof MongoTimeoutException) {
			return true;
		}
		return repeatable && (failure instanceof MongoSocketException || failure instanceof MongoNotPrimaryException
				|| failure instanceof MongoNodeIsRecoveringException);
	}

	private enum Kind {

		READ, WRITE

	}

	private final class Handler implements InvocationHandler {

		private final Object target;

		private final Kind kind;

		Handler(Object target, Kind kind) {
			this.target = target;
			this.kind = kind;
		}

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			if (method.getDeclaringClass() == Object.class) {
				return switch (method.getName()) {
					case "equals" -> proxy == args[0];
					case "hashCode" -> System.identityHashCode(proxy);
					default -> "Retrying(" + this.target + ")";
				};
			}
			if (this.target instanceof Publisher<?> publisher && method.getName().equals("subscribe") && args != null
					&& args.length == 1 && args[0] instanceof Subscriber<?> subscriber) {
				subscribe(publisher, subscriber);
				return null;
			}
			Object result;
			try {
				result = method.invoke(this.target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
			if (result == null || !wraps(method.getReturnType())) {
				return result;
			}
			Kind resultKind = (this.kind != null) ? this.kind
					: (READS.contains(method.getName()) ? Kind.READ : Kind.WRITE);
			boolean publisher = Publisher.class.isAssignableFrom(method.getReturnType());
			return proxy(method.getReturnType(), result, publisher ? resultKind : null);
		}

		@SuppressWarnings({ "unchecked", "rawtypes" })
		private void subscribe(Publisher<?> publisher, Subscriber<?> subscriber) {
			Flux<Object> retrying = Flux.deferContextual((context) -> {
				boolean repeatable = this.kind == Kind.READ || StoreRetry.writesAreIdempotent(context);
				AtomicBoolean delivered = new AtomicBoolean();
				return Flux.from((Publisher<Object>) publisher)
					.doOnNext((item) -> delivered.set(true))
					.retryWhen(Retry.backoff(ATTEMPTS, FIRST_BACKOFF)
						.maxBackoff(MAX_BACKOFF)
						.filter((failure) -> !delivered.get() && isTransient(failure, repeatable))
						.doBeforeRetry(this::count)
						.onRetryExhaustedThrow((spec, signal) -> signal.failure()));
			});
			retrying.subscribe((Subscriber) subscriber);
		}

		private void count(Retry.RetrySignal signal) {
			RetryingMongoClient.this.retries.incrementAndGet();
			logger.warn("Store {} failed transiently ({}: {}); retry {} of {}", this.kind,
					signal.failure().getClass().getSimpleName(), signal.failure().getMessage(),
					signal.totalRetries() + 1, ATTEMPTS);
		}

	}

}
