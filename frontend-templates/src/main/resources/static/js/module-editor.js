// The module editor's live preview: the lesson as the study page renders it (the server's Markdown renderer and
// allow-list), refreshed a moment after typing stops, with anything the allow-list would refuse named.
(function () {
	'use strict';
	var form = document.getElementById('module-form');
	var body = document.getElementById('body');
	var preview = document.getElementById('lesson-preview');
	var unsafe = document.getElementById('preview-unsafe');
	if (!form || !body || !preview) {
		return;
	}
	var url = form.getAttribute('data-preview');
	var timer = null;

	function render() {
		CqoApi.postJson(url, { body: body.value })
			.then(function (response) {
				return response.ok ? response.json() : null;
			})
			.then(function (result) {
				if (!result) {
					return;
				}
				preview.innerHTML = result.html;
				unsafe.hidden = result.unsafe.length === 0;
				unsafe.textContent = result.unsafe.join(', ');
			})
			.catch(function () {
			});
	}

	body.addEventListener('input', function () {
		window.clearTimeout(timer);
		timer = window.setTimeout(render, 400);
	});
	render();
}());
