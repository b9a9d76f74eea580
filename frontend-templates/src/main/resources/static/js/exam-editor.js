// The blueprint editor: as sections change, asks the server how many reviewed questions each one can draw from and
// marks the sections the banks cannot fill (the server refuses such a blueprint when it is saved).
(function () {
	'use strict';
	var form = document.getElementById('exam-editor');
	if (!form) {
		return;
	}
	var url = form.getAttribute('data-counts-url');
	var rows = Array.prototype.slice.call(form.querySelectorAll('.section-row'));
	var total = document.getElementById('blueprint-total');
	var timer = null;

	function sectionOf(row) {
		var value = function (name) { return row.querySelector('[name="' + name + '"]').value.trim(); };
		return {
			bankIds: value('sectionBank') ? [value('sectionBank')] : [],
			type: value('sectionType'),
			tags: value('sectionTags').split(/[;；\n]/).map(function (t) { return t.trim(); }).filter(Boolean),
			difficulties: value('sectionDifficulties').split(/[,，\s]+/).filter(Boolean).map(Number),
			count: parseInt(value('sectionCount'), 10) || 0,
			scorePerQuestion: parseFloat(value('sectionScore')) || 0
		};
	}

	function refresh() {
		var used = rows.filter(function (row) { return row.querySelector('[name="sectionType"]').value; });
		rows.forEach(function (row) {
			if (used.indexOf(row) < 0) {
				row.querySelector('.matching').textContent = '—';
				row.classList.remove('short');
			}
		});
		var sections = used.map(sectionOf);
		var points = sections.reduce(function (sum, s) { return sum + s.count * s.scorePerQuestion; }, 0);
		var questions = sections.reduce(function (sum, s) { return sum + s.count; }, 0);
		total.textContent = questions + ' · ' + points;
		if (!sections.length) {
			return;
		}
		CqoApi.postJson(url, { sections: sections })
			.then(function (response) { return response.ok ? response.json() : []; })
			.then(function (counts) {
				counts.forEach(function (count) {
					var row = used[count.section];
					var cell = row.querySelector('.matching');
					var fillable = count.available >= count.needed;
					cell.textContent = form.getAttribute(fillable ? 'data-msg-available' : 'data-msg-short')
						.replace('{0}', count.available).replace('{1}', count.needed);
					row.classList.toggle('short', !fillable);
				});
			})
			.catch(function () { /* counts are advisory; saving checks again */ });
	}

	function schedule() {
		clearTimeout(timer);
		timer = setTimeout(refresh, 300);
	}

	form.addEventListener('input', schedule);
	form.addEventListener('change', schedule);
	refresh();
}());
