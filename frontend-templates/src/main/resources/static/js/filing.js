/* Filing pages: the form, the enterprise registration and the actions on a filing talk to the published JSON API
 * with the page's session and CSRF token; errors are shown by field. */
(function () {
	'use strict';

	function setPath(target, path, value) {
		var parts = path.split('.');
		var node = target;
		for (var i = 0; i < parts.length - 1; i++) {
			var key = parts[i];
			var next = parts[i + 1];
			if (node[key] === undefined) {
				node[key] = /^\d+$/.test(next) ? [] : {};
			}
			node = node[key];
		}
		node[parts[parts.length - 1]] = value;
	}

	function collect(form) {
		var body = {};
		Array.prototype.forEach.call(form.elements, function (element) {
			if (!element.name || element.name === '_csrf' || element.type === 'submit' || element.type === 'file') {
				return;
			}
			var value = element.value;
			var type = element.getAttribute('data-type');
			if (type === 'checkbox') {
				value = element.checked;
			}
			else if (type === 'boolean') {
				value = value === 'true';
			}
			else if (type === 'number') {
				value = value === '' ? null : Number(value);
			}
			setPath(body, element.name, value);
		});
		if (Array.isArray(body.resume)) {
			body.resume = body.resume.filter(function (row) {
				return row && (row.from || row.employer || row.post);
			});
		}
		return body;
	}

	function showErrors(box, problem) {
		var errors = (problem && (problem.errors || problem.problems)) || [];
		box.textContent = '';
		if (errors.length === 0) {
			box.textContent = (problem && (problem.detail || problem.title)) || String(problem);
		}
		errors.forEach(function (error) {
			var line = document.createElement('div');
			line.textContent = (error.field || error.column || '') + (error.field || error.column ? '：' : '') + error.message;
			box.appendChild(line);
		});
		box.hidden = false;
		box.focus && box.focus();
	}

	function send(method, url, body, headers) {
		return fetch(url, { method: method, headers: headers, body: body, credentials: 'same-origin' })
			.then(function (response) {
				return response.text().then(function (text) {
					var json = null;
					try { json = text ? JSON.parse(text) : null; } catch (e) { json = { detail: text }; }
					if (!response.ok) {
						throw json || { detail: response.status };
					}
					return json;
				});
			});
	}

	var filingForm = document.getElementById('filing-form');
	if (filingForm) {
		var errors = document.getElementById('form-errors');
		var eligibility = document.getElementById('eligibility');
		var id = filingForm.getAttribute('data-id');
		var previews = 0;
		var preview = function () {
			// answers can arrive out of order: only the answer to the latest form state is shown
			var mine = ++previews;
			send('POST', filingForm.getAttribute('data-eligibility'), JSON.stringify(collect(filingForm)), CqoApi.headers(true))
				.then(function (verdict) {
					if (mine !== previews) {
						return;
					}
					eligibility.textContent = verdict.explanation;
					eligibility.className = verdict.met ? 'notice' : 'alert';
				})
				.catch(function () { /* the preview is a help, not a check */ });
		};
		filingForm.addEventListener('change', preview);
		preview();
		var idField = document.getElementById('f-idNumber');
		var priorUrl = filingForm.getAttribute('data-prior-training');
		if (idField && priorUrl) {
			idField.addEventListener('change', function () {
				var attended = document.getElementById('t-attended');
				var date = document.getElementById('t-date');
				var organiser = document.getElementById('t-org');
				if (!idField.value || attended.value === 'true' || date.value || organiser.value) {
					return;
				}
				send('POST', priorUrl, JSON.stringify({ idNumber: idField.value.trim() }), CqoApi.headers(true))
					.then(function (training) {
						if (training && training.attended) {
							attended.value = 'true';
							date.value = training.date || '';
							organiser.value = training.organiser || '';
							document.getElementById('t-prefilled').hidden = false;
						}
					})
					.catch(function () { /* the number is checked when the form is saved */ });
			});
		}
		filingForm.addEventListener('submit', function (event) {
			event.preventDefault();
			var api = filingForm.getAttribute('data-api');
			send(id ? 'PUT' : 'POST', id ? api + '/' + id : api, JSON.stringify(collect(filingForm)), CqoApi.headers(true))
				.then(function (filing) {
					window.location.href = filingForm.getAttribute('data-done') + filing.id;
				})
				.catch(function (problem) { showErrors(errors, problem); });
		});
	}

	var enterpriseForm = document.getElementById('enterprise-form');
	if (enterpriseForm) {
		enterpriseForm.addEventListener('submit', function (event) {
			event.preventDefault();
			send('POST', enterpriseForm.getAttribute('data-api'), JSON.stringify(collect(enterpriseForm)), CqoApi.headers(true))
				.then(function () {
					window.location.href = enterpriseForm.getAttribute('data-done') + '?registered';
				})
				.catch(function (problem) { showErrors(document.getElementById('form-errors'), problem); });
		});
	}

	var page = document.getElementById('filing');
	if (page) {
		var base = page.getAttribute('data-api') + page.getAttribute('data-id');
		var box = document.getElementById('action-errors');
		var reload = function () { window.location.reload(); };
		var invite = document.getElementById('invite-cqo');
		if (invite) {
			invite.addEventListener('submit', function (event) {
				event.preventDefault();
				send('POST', base + '/cqo-invitation', null, CqoApi.headers(false))
					.then(function (invitation) {
						var out = document.getElementById('invitation-result');
						out.querySelector('.invitation-username').textContent = invitation.username;
						var link = out.querySelector('.invitation-link');
						link.href = invitation.link;
						link.textContent = window.location.origin + invitation.link;
						out.hidden = false;
						box.hidden = true;
					})
					.catch(function (problem) { showErrors(box, problem); });
			});
		}
		Array.prototype.forEach.call(page.querySelectorAll('form.upload'), function (form) {
			form.addEventListener('submit', function (event) {
				event.preventDefault();
				var data = new FormData();
				data.append('kind', form.getAttribute('data-kind'));
				data.append('file', form.querySelector('input[type="file"]').files[0]);
				send('POST', base + '/attachments', data, CqoApi.headers(false))
					.then(function () {
						var item = form.parentNode;
						var missing = item.querySelector('.missing');
						if (missing) {
							var link = document.createElement('a');
							link.href = base + '/attachments/' + form.getAttribute('data-kind');
							link.textContent = item.parentNode.getAttribute('data-open-label');
							missing.parentNode.replaceChild(link, missing);
						}
						box.hidden = true;
					})
					.catch(function (problem) { showErrors(box, problem); });
			});
		});
		var submitForm = document.getElementById('submit-form');
		if (submitForm) {
			submitForm.addEventListener('submit', function (event) {
				event.preventDefault();
				send('POST', base + '/submission', '{}', CqoApi.headers(true)).then(reload)
					.catch(function (problem) { showErrors(box, problem); });
			});
		}
		var decisionForm = document.getElementById('decision-form');
		if (decisionForm) {
			decisionForm.addEventListener('submit', function (event) {
				event.preventDefault();
				var decision = event.submitter ? event.submitter.value : 'APPROVE';
				var field = decisionForm.elements.field.value;
				var message = decisionForm.elements.message.value;
				var body = { decision: decision, reason: decisionForm.elements.reason.value || null,
					comments: (field && message) ? [{ field: field, message: message }] : [] };
				send('POST', base + '/decision', JSON.stringify(body), CqoApi.headers(true)).then(reload)
					.catch(function (problem) { showErrors(box, problem); });
			});
		}
		var dismissal = document.getElementById('dismissal-form');
		if (dismissal) {
			dismissal.addEventListener('submit', function (event) {
				event.preventDefault();
				var body = { endMonth: dismissal.elements.endMonth.value, reason: dismissal.elements.reason.value };
				send('POST', base + '/dismissal', JSON.stringify(body), CqoApi.headers(true))
					.then(function (filing) { window.location.href = filing.id; })
					.catch(function (problem) { showErrors(box, problem); });
			});
		}
	}
}());
