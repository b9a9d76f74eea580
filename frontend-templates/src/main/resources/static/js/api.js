/* Every page: the one way page scripts call the JSON API with the page's session and CSRF token
   (CqoApi.headers for any call, CqoApi.postJson for a JSON body posted). */
(function () {
	'use strict';

	function csrfToken() {
		var input = document.querySelector('input[name="_csrf"]');
		return input ? input.value : null;
	}

	/* Headers of a call: JSON answers in the page's language, the CSRF token, a JSON body when json is true,
	   and any extra headers. */
	function headers(json, extra) {
		var result = { 'Accept': 'application/json', 'Accept-Language': document.documentElement.lang || 'zh-CN' };
		var token = csrfToken();
		if (token) {
			result['X-CSRF-TOKEN'] = token;
		}
		if (json) {
			result['Content-Type'] = 'application/json';
		}
		Object.keys(extra || {}).forEach(function (name) {
			result[name] = extra[name];
		});
		return result;
	}

	function postJson(url, body, extra) {
		return fetch(url, { method: 'POST', headers: headers(true, extra), credentials: 'same-origin',
			body: JSON.stringify(body) });
	}

	window.CqoApi = { headers: headers, postJson: postJson };
}());
