// Bulk certificate issue: while a session's job runs, poll its progress and update the row.
(function () {
	'use strict';
	var cells = document.querySelectorAll('.job-progress[data-running="true"]');
	Array.prototype.forEach.call(cells, function (cell) {
		var bar = cell.parentNode.querySelector('progress');
		var template = cell.getAttribute('data-template');
		function poll() {
			fetch(cell.getAttribute('data-job'), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
				.then(function (response) { return response.ok ? response.json() : null; })
				.then(function (job) {
					if (!job) {
						return;
					}
					cell.textContent = template.replace('{0}', job.issued).replace('{1}', job.failed).replace('{2}', job.total);
					if (bar) {
						bar.max = Math.max(1, job.total);
						bar.value = job.issued + job.failed;
					}
					if (job.running) {
						window.setTimeout(poll, 1000);
					}
				})
				.catch(function () { window.setTimeout(poll, 3000); });
		}
		poll();
	});
}());
