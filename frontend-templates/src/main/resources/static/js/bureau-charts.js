/* The bureau dashboard's charts. Each canvas carries its labels and values: data-labels "a|b", data-values "1|2"
   (several series separated by ";", their names in data-series "x|y"), data-kind bar, line or gauge. The table
   views beside them show the same figures; the sort buttons reorder a chart and its table together, in the page. */
(function () {
	'use strict';
	var COLOURS = ['#0b3d91', '#c2410c', '#15803d'];
	function split(text, separator) {
		return (text || '').split(separator).filter(function (x) { return x !== ''; });
	}
	function draw(canvas) {
		if (typeof window.Chart === 'undefined') {
			return;
		}
		var labels = split(canvas.getAttribute('data-labels'), '|');
		var names = split(canvas.getAttribute('data-series'), '|');
		var series = (canvas.getAttribute('data-values') || '').split(';').map(function (values) {
			return split(values, '|').map(Number);
		});
		var kind = canvas.getAttribute('data-kind') || 'bar';
		if (kind === 'gauge') {
			new window.Chart(canvas, {
				type: 'doughnut',
				data: { labels: labels, datasets: [{ label: names[0] || '', data: series[0],
					backgroundColor: ['#0b3d91', '#e5e7eb'] }] },
				options: { responsive: true, maintainAspectRatio: false, animation: false, rotation: -90,
					circumference: 180, cutout: '65%', plugins: { legend: { display: false } } }
			});
			return;
		}
		var options = { responsive: true, maintainAspectRatio: false, animation: false,
			plugins: { legend: { display: series.length > 1 } },
			scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } };
		var max = canvas.getAttribute('data-max');
		if (max) {
			options.scales.y.max = Number(max);
		}
		new window.Chart(canvas, {
			type: kind,
			data: { labels: labels, datasets: series.map(function (values, i) {
				return { label: names[i] || '', data: values, backgroundColor: COLOURS[i % COLOURS.length],
					borderColor: COLOURS[i % COLOURS.length], tension: 0.2 };
			}) },
			options: options
		});
	}
	function sort(button) {
		var target = button.getAttribute('data-sort-target');
		var byFigure = button.getAttribute('data-sort') === 'figure';
		var body = document.querySelector('#table-' + target + ' tbody');
		if (!body) {
			return;
		}
		var rows = Array.prototype.slice.call(body.querySelectorAll('tr'));
		rows.sort(function (a, b) {
			if (byFigure) {
				var diff = Number(b.getAttribute('data-figure')) - Number(a.getAttribute('data-figure'));
				if (diff !== 0) {
					return diff;
				}
			}
			return a.getAttribute('data-name').localeCompare(b.getAttribute('data-name'), 'zh-CN');
		});
		rows.forEach(function (row) { body.appendChild(row); });
		var chart = window.Chart && window.Chart.getChart('chart-' + target);
		if (chart) {
			chart.data.labels = rows.map(function (row) { return row.getAttribute('data-name'); });
			chart.data.datasets[0].data = rows.map(function (row) { return Number(row.getAttribute('data-figure')); });
			if (chart.data.datasets[1]) {
				chart.data.datasets[1].data = rows.map(function (row) { return Number(row.getAttribute('data-second')); });
			}
			chart.update();
		}
		document.querySelectorAll('[data-sort-target="' + target + '"]').forEach(function (other) {
			other.setAttribute('aria-pressed', String(other === button));
		});
	}
	function ready() {
		Array.prototype.forEach.call(document.querySelectorAll('canvas[data-kind]'), draw);
		document.querySelectorAll('[data-sort-target]').forEach(function (button) {
			button.addEventListener('click', function () { sort(button); });
		});
	}
	if (document.readyState === 'loading') {
		document.addEventListener('DOMContentLoaded', ready);
	} else {
		ready();
	}
}());
