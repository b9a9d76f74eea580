package academy.cqo.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RegionDirectoryTests {

	private final RegionDirectory regions = RegionDirectory.load();

	@Test
	void shipsEveryProvinceWithJiangxiComplete() {
		assertThat(this.regions.provinces()).hasSize(34);
		assertThat(this.regions.childrenOf("360000")).hasSize(11);
		long jiangxiCounties = this.regions.childrenOf("360000")
			.stream()
			.mapToLong((city) -> this.regions.childrenOf(city.code()).size())
			.sum();
		assertThat(jiangxiCounties).isEqualTo(100);
		assertThat(this.regions.childrenOf("440000")).extracting(Region::name).contains("广州市", "深圳市", "梅州市");
	}

	@Test
	void fullNameGoesFromProvinceDown() {
		assertThat(this.regions.fullName("360102")).isEqualTo("江西省 南昌市 东湖区");
		assertThat(this.regions.find("360102").orElseThrow().level()).isEqualTo(RegionLevel.COUNTY);
		assertThat(this.regions.fullName("999999")).isEqualTo("999999");
	}

	@Test
	void cityWithoutCountiesIsALeaf() {
		assertThat(this.regions.contains("441900")).isTrue();
		assertThat(this.regions.childrenOf("441900")).isEmpty();
	}

}
