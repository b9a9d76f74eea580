package academy.cqo.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class JurisdictionTests {

	@Test
	void provinceCoversItsCitiesAndCounties() {
		Jurisdiction jiangxi = new Jurisdiction("360000");
		assertThat(jiangxi.level()).isEqualTo(RegionLevel.PROVINCE);
		assertThat(jiangxi.covers("360102")).isTrue();
		assertThat(jiangxi.covers("361102")).isTrue();
		assertThat(jiangxi.covers("440106")).isFalse();
		assertThat(jiangxi.covers((String) null)).isFalse();
	}

	@Test
	void cityCoversOnlyItsCounties() {
		Jurisdiction nanchang = new Jurisdiction("360100");
		assertThat(nanchang.level()).isEqualTo(RegionLevel.CITY);
		assertThat(nanchang.covers("360102")).isTrue();
		assertThat(nanchang.covers("360203")).isFalse();
		assertThat(nanchang.covers(new Jurisdiction("360102"))).isTrue();
		assertThat(nanchang.covers(new Jurisdiction("360000"))).isFalse();
	}

	@Test
	void countyCoversOnlyItself() {
		Jurisdiction donghu = new Jurisdiction("360102");
		assertThat(donghu.level()).isEqualTo(RegionLevel.COUNTY);
		assertThat(donghu.covers("360102")).isTrue();
		assertThat(donghu.covers("360103")).isFalse();
	}

	@Test
	void notSixDigitsIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Jurisdiction("36"));
		assertThatIllegalArgumentException().isThrownBy(() -> new Jurisdiction("36010a"));
	}

}
