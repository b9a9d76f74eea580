package academy.cqo.identity.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import academy.cqo.shared.Region;
import academy.cqo.shared.RegionDirectory;

/**
 * The division codes, for the cascading region pickers of registration forms.
 */
@RestController
@RequestMapping("/api/v1/regions")
@Tag(name = "regions", description = "GB/T 2260 division codes")
class RegionsApi {

	private final RegionDirectory regions;

	RegionsApi(RegionDirectory regions) {
		this.regions = regions;
	}

	@GetMapping
	@Operation(summary = "Provinces, or the divisions directly inside a parent code")
	List<Region> children(@RequestParam(required = false) String parent) {
		return (parent == null || parent.isBlank()) ? this.regions.provinces() : this.regions.childrenOf(parent);
	}

}
