/* Supervision pages: opening a case, recording a step and filing a rectification report talk to the published JSON
 * API with the page's session and CSRF token; a chosen file is uploaded to the case first and named in the step. */
(function () {
	'use strict';

	function send(method, url, body, json) {
		return fetch(url, { method: method, headers: CqoApi.headers(json), body: body, credentials: 'same-origin' })
			.then(function (response) {
				return response.text().then(function (text) {
					var parsed = null;
					try { parsed = text ? JSON.parse(text) : null; } catch (e) { parsed = { detail: text }; }
					if (!response.ok) {
						throw parsed || { detail: response.status };
					}
					return parsed;
				});
			});
	}

	function showErrors(box, problem) {
		var errors = (problem && problem.errors) || [];
		box.textContent = '';
		if (errors.length === 0) {
			box.textContent = (problem && (problem.detail || problem.title)) || String(problem);
		}
		errors.forEach(function (error) {
			var line = document.createElement('div');
			line.textContent = (error.field ? error.field + '：' : '') + error.message;
			box.appendChild(line);
		});
		box.hidden = false;
	}

	function values(form) {
		var body = {};
		Array.prototype.forEach.call(form.elements, function (element) {
			if (!element.name || element.name === '_csrf' || element.type === 'submit' || element.type === 'file') {
				return;
			}
			body[element.name] = element.value === '' ? null : element.value;
		});
		return body;
	}

	function upload(base, form) {
		var input = form.querySelector('input[type="file"]');
		if (!input || input.files.length === 0) {
			return Promise.resolve([]);
		}
		var data = new FormData();
		data.append('file', input.files[0]);
		return send('POST', base + '/documents', data, false).then(function (document) { return [document.id]; });
	}

	var list = document.getElementById('supervision-list');
	var openForm = document.getElementById('open-case');
	if (list && openForm) {
		openForm.addEventListener('submit', function (event) {
			event.preventDefault();
			send('POST', list.getAttribute('data-api'), JSON.stringify(values(openForm)), true)
				.then(function (opened) { window.location.href = list.getAttribute('data-done') + opened.id; })
				.catch(function (problem) { showErrors(document.getElementById('form-errors'), problem); });
		});
	}

	var page = document.getElementById('supervision-case');
	if (page) {
		var base = page.getAttribute('data-api');
		var box = document.getElementById('action-errors');
		var reload = function () { window.location.reload(); };
		var stepForm = document.getElementById('step-form');
		if (stepForm) {
			stepForm.addEventListener('submit', function (event) {
				event.preventDefault();
				upload(base, stepForm).then(function (documentIds) {
					var body = values(stepForm);
					body.documentIds = documentIds;
					return send('POST', base + '/steps', JSON.stringify(body), true);
				}).then(reload).catch(function (problem) { showErrors(box, problem); });
			});
		}
		var rectification = document.getElementById('rectification-form');
		if (rectification) {
			rectification.addEventListener('submit', function (event) {
				event.preventDefault();
				upload(base, rectification).then(function (documentIds) {
					var body = values(rectification);
					body.documentIds = documentIds;
					return send('POST', base + '/rectification', JSON.stringify(body), true);
				}).then(reload).catch(function (problem) { showErrors(box, problem); });
			});
		}
	}
	var rounds = document.getElementById('award-rounds');
	var roundForm = document.getElementById('round-form');
	var quotaRows = document.getElementById('quota-rows');
	if (rounds && roundForm && quotaRows) {
		var rowCount = quotaRows.querySelectorAll('.quota-row').length;
		var removable = function (row) {
			row.querySelector('.quota-remove').addEventListener('click', function () {
				if (quotaRows.querySelectorAll('.quota-row').length > 1) {
					row.remove();
				}
			});
		};
		Array.prototype.forEach.call(quotaRows.querySelectorAll('.quota-row'), removable);
		document.getElementById('add-quota').addEventListener('click', function () {
			var row = quotaRows.querySelector('.quota-row').cloneNode(true);
			var index = rowCount++;
			var select = row.querySelector('select');
			var count = row.querySelector('.quota-count');
			select.id = select.name = 'quota-region-' + index;
			select.value = '';
			count.id = 'quota-count-' + index;
			count.value = '';
			var labels = row.querySelectorAll('label');
			labels[0].setAttribute('for', select.id);
			labels[1].setAttribute('for', count.id);
			removable(row);
			quotaRows.appendChild(row);
		});
		roundForm.addEventListener('submit', function (event) {
			event.preventDefault();
			var quotas = {};
			var duplicate = null;
			Array.prototype.forEach.call(roundForm.querySelectorAll('.quota-row'), function (row) {
				var region = row.querySelector('select');
				var count = row.querySelector('.quota-count');
				if (!region.value && !count.value) {
					return;
				}
				if (Object.prototype.hasOwnProperty.call(quotas, region.value)) {
					duplicate = region.options[region.selectedIndex].textContent;
				}
				quotas[region.value] = count.value === '' ? null : Number(count.value);
			});
			if (duplicate !== null) {
				showErrors(document.getElementById('form-errors'),
					{ detail: quotaRows.getAttribute('data-duplicate') + duplicate });
				return;
			}
			var body = { year: Number(roundForm.elements.year.value), criteria: roundForm.elements.criteria.value,
				quotas: quotas, publicListing: roundForm.elements.publicListing.checked };
			send('POST', rounds.getAttribute('data-api'), JSON.stringify(body), true)
				.then(function (round) { window.location.href = rounds.getAttribute('data-done') + round.id; })
				.catch(function (problem) { showErrors(document.getElementById('form-errors'), problem); });
		});
	}

	var round = document.getElementById('award-round');
	if (round) {
		var roundApi = round.getAttribute('data-api');
		var roundBox = document.getElementById('action-errors');
		var again = function () { window.location.reload(); };
		var nominationForm = document.getElementById('nomination-form');
		nominationForm.addEventListener('submit', function (event) {
			event.preventDefault();
			var data = new FormData();
			var fields = values(nominationForm);
			Object.keys(fields).forEach(function (name) {
				if (fields[name] !== null) {
					data.append(name, fields[name]);
				}
			});
			Array.prototype.forEach.call(nominationForm.elements.files.files, function (file) {
				data.append('files', file);
			});
			send('POST', roundApi + '/nominations', data, false).then(again)
				.catch(function (problem) { showErrors(roundBox, problem); });
		});
		Array.prototype.forEach.call(round.querySelectorAll('form.decision'), function (form) {
			form.addEventListener('submit', function (event) {
				event.preventDefault();
				var body = { decision: event.submitter ? event.submitter.value : 'APPROVE',
					comment: form.elements.comment.value || null };
				send('POST', roundApi + '/nominations/' + form.getAttribute('data-id') + '/decision', JSON.stringify(body), true)
					.then(again).catch(function (problem) { showErrors(roundBox, problem); });
			});
		});
	}
	var sampling = document.getElementById('sampling');
	var drawForm = document.getElementById('draw-form');
	if (sampling && drawForm) {
		drawForm.addEventListener('submit', function (event) {
			event.preventDefault();
			var strata = Array.prototype.filter.call(drawForm.querySelectorAll('input[name="strata"]'), function (box) {
				return box.checked;
			}).map(function (box) { return box.value; });
			var body = { regionCode: drawForm.elements.regionCode.value, size: Number(drawForm.elements.size.value),
				strata: strata, seed: drawForm.elements.seed.value || null,
				sessionId: drawForm.elements.sessionId.value || null };
			send('POST', sampling.getAttribute('data-api'), JSON.stringify(body), true)
				.then(function (draw) { window.location.href = sampling.getAttribute('data-done') + draw.id; })
				.catch(function (problem) { showErrors(document.getElementById('form-errors'), problem); });
		});
	}
}());
