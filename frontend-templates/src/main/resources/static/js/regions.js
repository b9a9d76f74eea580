// Cascading province → city → county pickers. The server renders the current choice; this only refills the lower
// levels when a higher one changes. Texts of the first options come from the page itself (message bundles).
(function () {
	'use strict';
	document.querySelectorAll('[data-region-picker]').forEach(function (picker) {
		var url = picker.getAttribute('data-children-url');
		var province = picker.querySelector('[data-level="province"]');
		var city = picker.querySelector('[data-level="city"]');
		var county = picker.querySelector('[data-level="county"]');

		function refill(select, regions) {
			var first = select.options[0];
			select.innerHTML = '';
			select.appendChild(first);
			regions.forEach(function (region) {
				var option = document.createElement('option');
				option.value = region.code;
				option.textContent = region.name;
				select.appendChild(option);
			});
			select.value = '';
		}

		function load(parent) {
			return fetch(url + '?parent=' + encodeURIComponent(parent), { headers: { Accept: 'application/json' } })
				.then(function (response) { return response.ok ? response.json() : []; });
		}

		province.addEventListener('change', function () {
			refill(county, []);
			load(province.value).then(function (regions) { refill(city, regions); });
		});
		city.addEventListener('change', function () {
			if (!city.value) { refill(county, []); return; }
			load(city.value).then(function (regions) {
				// A city without counties (e.g. 东莞市) is itself the region.
				if (regions.length === 0) {
					refill(county, [{ code: city.value, name: city.options[city.selectedIndex].textContent }]);
					county.value = city.value;
				} else {
					refill(county, regions);
				}
			});
		});
	});
})();
