/* Every page: the large-text, high-contrast mode (适老化) remembered per browser, the menu button on phones,
   and tables that read as cards on phones (each cell labelled with its column heading). */
(function () {
	'use strict';
	var KEY = 'cqo-elder';
	var root = document.documentElement;
	function stored() {
		try { return window.localStorage.getItem(KEY) === 'on'; } catch (e) { return false; }
	}
	if (stored()) {
		root.classList.add('elder');
	}
	function ready() {
		var elder = document.getElementById('elder-toggle');
		if (elder) {
			elder.setAttribute('aria-pressed', root.classList.contains('elder') ? 'true' : 'false');
			elder.addEventListener('click', function () {
				var on = !root.classList.contains('elder');
				root.classList.toggle('elder', on);
				elder.setAttribute('aria-pressed', on ? 'true' : 'false');
				try { window.localStorage.setItem(KEY, on ? 'on' : 'off'); } catch (e) { /* private mode */ }
			});
		}
		var menu = document.getElementById('menu-toggle');
		var nav = document.getElementById('main-nav');
		if (menu && nav) {
			menu.addEventListener('click', function () {
				var open = menu.getAttribute('aria-expanded') !== 'true';
				menu.setAttribute('aria-expanded', open ? 'true' : 'false');
				nav.classList.toggle('open', open);
			});
		}
		var tables = document.querySelectorAll('table.data');
		Array.prototype.forEach.call(tables, function (table) {
			var headings = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) {
				return th.textContent.trim();
			});
			Array.prototype.forEach.call(table.querySelectorAll('tbody tr'), function (row) {
				Array.prototype.forEach.call(row.children, function (cell, index) {
					if (!cell.hasAttribute('data-label') && headings[index]) {
						cell.setAttribute('data-label', headings[index]);
					}
				});
			});
		});
	}
	if (document.readyState === 'loading') {
		document.addEventListener('DOMContentLoaded', ready);
	} else {
		ready();
	}
}());
