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

	var image = document.getElementById('stem-image');
	var stem = document.getElementById('stem');
	var imageStatus = document.getElementById('stem-image-status');

	function insertAtCursor(text) {
		var start = stem.selectionStart || stem.value.length;
		var end = stem.selectionEnd || start;
		stem.value = stem.value.slice(0, start) + text + stem.value.slice(end);
		stem.selectionStart = stem.selectionEnd = start + text.length;
	}

	if (image) {
		image.addEventListener('change', function () {
			if (!image.files.length) {
				return;
			}
			var data = new FormData();
			data.append('file', image.files[0]);
			fetch(image.getAttribute('data-upload-url'), {
				method: 'POST',
				body: data,
				headers: CqoApi.headers(false),
				credentials: 'same-origin'
			}).then(function (response) {
				return response.json().then(function (body) { return { ok: response.ok, body: body }; });
			}).then(function (result) {
				if (result.ok) {
					insertAtCursor('\n' + result.body.markdown + '\n');
					imageStatus.textContent = image.getAttribute('data-done') || '';
					schedule();
				}
				else {
					imageStatus.textContent = (result.body.errors && result.body.errors[0].message) || result.body.detail;
				}
				image.value = '';
			}).catch(function () {
				imageStatus.textContent = image.getAttribute('data-failed') || '';
			});
		});
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
