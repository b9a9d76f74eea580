/* The bureau home's charts: each canvas carries its labels and values (data-labels "a|b", data-values "1|2");
   the tables below show the same figures for screen readers and print. */
(function () {
	'use strict';
	function draw(canvas) {
		if (typeof window.Chart === 'undefined') {
			return;
		}
		var labels = (canvas.getAttribute('data-labels') || '').split('|').filter(function (x) { return x !== ''; });
		var values = (canvas.getAttribute('data-values') || '').split('|').filter(function (x) { return x !== ''; }).map(Number);
		var max = canvas.getAttribute('data-max');
		var kind = canvas.getAttribute('data-kind') || 'bar';
		var options = { responsive: true, maintainAspectRatio: false, animation: false,
			plugins: { legend: { display: false } },
			scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } };
		if (max) {
			options.scales.y.max = Number(max);
		}
		new window.Chart(canvas, {
			type: kind,
			data: { labels: labels, datasets: [{ label: canvas.getAttribute('data-series') || '', data: values,
				backgroundColor: '#0b3d91', borderColor: '#0b3d91', tension: 0.2 }] },
			options: options
		});
	}
	function ready() {
		Array.prototype.forEach.call(document.querySelectorAll('canvas[data-kind]'), draw);
	}
	if (document.readyState === 'loading') {
		document.addEventListener('DOMContentLoaded', ready);
	} else {
		ready();
	}
}());
