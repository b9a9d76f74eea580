// The question editor: shows the fields of the chosen type and keeps a live preview, rendered by the server exactly as
// a candidate will see the question (sanitised HTML, lettered options, numbered blanks).
(function () {
	'use strict';
	var form = document.getElementById('question-form');
	if (!form) {
		return;
	}
	var type = document.getElementById('type');
	var preview = document.getElementById('preview');
	var url = form.getAttribute('data-preview-url');
	var timer = null;
	var sequence = 0;

	function showTypeParts() {
		form.querySelectorAll('.type-part').forEach(function (part) {
			var types = part.getAttribute('data-types').split(' ');
			part.hidden = types.indexOf(type.value) < 0;
		});
		form.querySelectorAll('input[name="correct"]').forEach(function (box) {
			box.type = type.value === 'single' ? 'radio' : 'checkbox';
		});
	}

	function refresh() {
		var mine = ++sequence;
		var body = new URLSearchParams(new FormData(form));
		fetch(url, {
			method: 'POST',
			body: body,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' },
			credentials: 'same-origin'
		}).then(function (response) {
			return response.ok ? response.text() : null;
		}).then(function (html) {
			if (html !== null && mine === sequence) {
				preview.innerHTML = html;
			}
		}).catch(function () { /* keep the last preview while offline */ });
	}

	function schedule() {
		clearTimeout(timer);
		timer = setTimeout(refresh, 300);
	}

	type.addEventListener('change', function () {
		showTypeParts();
		schedule();
	});
	form.addEventListener('input', schedule);
	form.addEventListener('change', schedule);
	showTypeParts();
	refresh();
}());
