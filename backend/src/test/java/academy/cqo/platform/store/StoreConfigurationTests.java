package academy.cqo.platform.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StoreConfigurationTests {

	@Test
	void uriWithoutDatabaseGetsTheDefaultOne() {
		assertThat(StoreConfiguration.withDefaultDatabase("mongodb://a:27017,b:27017/?replicaSet=rs0").getDatabase())
			.isEqualTo("cqo");
		assertThat(StoreConfiguration.withDefaultDatabase("mongodb://a:27017").getDatabase()).isEqualTo("cqo");
		assertThat(StoreConfiguration.withDefaultDatabase("mongodb://a:27017?replicaSet=rs0").getConnectionString())
			.isEqualTo("mongodb://a:27017/cqo?replicaSet=rs0");
	}

	@Test
	void uriWithDatabaseKeepsIt() {
		assertThat(StoreConfiguration.withDefaultDatabase("mongodb://a:27017/academy?replicaSet=rs0").getDatabase())
			.isEqualTo("academy");
	}

}
