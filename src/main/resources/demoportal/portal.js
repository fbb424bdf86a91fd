// Demo portal page script: posts the frame parameters into each app iframe and replies to the BX24 calls the frames
// send with postMessage. Messages are JSON strings {bx24demo: 1, sid, command, params, callbackId}; a message counts
// only when it comes from the origin of the app framed under that APP_SID.
(function () {
  'use strict';

  var frames = {};

  function readFields(form) {
    var fields = {};
    Array.prototype.forEach.call(form.querySelectorAll('input[type=hidden]'), function (input) {
      fields[input.name] = input.value;
    });
    return fields;
  }

  function register(iframe, form) {
    var sid = iframe.dataset.sid;
    frames[sid] = {
      sid: sid,
      iframe: iframe,
      form: form,
      appOrigin: iframe.dataset.appOrigin,
      admin: iframe.dataset.admin === 'true',
      install: iframe.dataset.install === 'true',
      lang: iframe.dataset.lang,
      domain: iframe.dataset.domain,
      fields: readFields(form),
      receivedAt: Date.now()
    };
    return frames[sid];
  }

  function authOf(frame) {
    var f = frame.fields;
    return {
      access_token: f.AUTH_ID,
      refresh_token: f.REFRESH_ID,
      // As in BX24.js: the moment the token expires, in milliseconds, despite the name.
      expires_in: frame.receivedAt + Number(f.AUTH_EXPIRES) * 1000,
      domain: frame.domain,
      member_id: f.member_id
    };
  }

  function placementOptions(frame) {
    try {
      var parsed = JSON.parse(frame.fields.PLACEMENT_OPTIONS || '[]');
      return Array.isArray(parsed) ? {} : parsed;
    } catch (e) {
      return {};
    }
  }

  function reply(frame, callbackId, result) {
    if (!callbackId) {
      return;
    }
    // installFinish replaces the iframe, so the frame that asked may be gone by the time the answer is ready.
    if (!frame.iframe.contentWindow) {
      return;
    }
    var message = JSON.stringify({ bx24demo: 1, sid: frame.sid, callbackId: callbackId, result: result });
    frame.iframe.contentWindow.postMessage(message, frame.appOrigin);
  }

  function post(url) {
    return fetch(url, { method: 'POST', credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) {
        throw new Error('Demo portal request ' + url + ' failed with HTTP ' + response.status);
      }
      return response.json();
    });
  }

  /** Replaces a frame with a new iframe and posts the new frame parameters into it. */
  function reopen(frame, launch) {
    var iframe = document.createElement('iframe');
    iframe.className = frame.iframe.className;
    iframe.title = frame.iframe.title;
    iframe.name = launch.name;
    Object.assign(iframe.dataset, frame.iframe.dataset, { sid: launch.sid, install: String(launch.install) });
    var form = frame.form;
    form.innerHTML = '';
    form.action = launch.action;
    form.target = launch.name;
    form.dataset.sid = launch.sid;
    Object.keys(launch.fields).forEach(function (name) {
      var input = document.createElement('input');
      input.type = 'hidden';
      input.name = name;
      input.value = launch.fields[name];
      form.appendChild(input);
    });
    frame.iframe.replaceWith(iframe);
    delete frames[frame.sid];
    register(iframe, form);
    form.submit();
  }

  var commands = {
    init: function (frame) {
      return {
        auth: authOf(frame),
        placement: frame.fields.PLACEMENT,
        options: placementOptions(frame),
        isAdmin: frame.admin,
        install: frame.install,
        lang: frame.lang,
        domain: frame.domain
      };
    },
    refreshAuth: function (frame) {
      return post('/demo-portal/frame/' + frame.sid + '/auth').then(function (launch) {
        frame.fields = launch.fields;
        frame.receivedAt = Date.now();
        return authOf(frame);
      });
    },
    resizeWindow: function (frame, params) {
      if (params.width) {
        frame.iframe.style.width = /^\d+$/.test(String(params.width)) ? params.width + 'px' : String(params.width);
      }
      if (Number(params.height) > 0) {
        frame.iframe.style.height = Math.ceil(Number(params.height)) + 'px';
      }
      return { width: frame.iframe.offsetWidth, height: frame.iframe.offsetHeight };
    },
    installFinish: function (frame) {
      return post('/demo-portal/frame/' + frame.sid + '/install-finish').then(function (launch) {
        if (launch.reload) {
          reopen(frame, launch);
        }
        return true;
      });
    },
    setTitle: function (frame, params) {
      document.title = String(params.title);
      document.getElementById('portal-title').textContent = String(params.title);
      return true;
    },
    openPath: function (frame, params) {
      var path = String(params.path || '/');
      if (path.charAt(0) === '/' && path.charAt(1) !== '/') {
        window.location.assign(path);
      }
      return true;
    },
    reloadWindow: function () {
      window.location.reload();
      return true;
    }
  };

  window.addEventListener('message', function (event) {
    if (typeof event.data !== 'string') {
      return;
    }
    var message;
    try {
      message = JSON.parse(event.data);
    } catch (e) {
      return;
    }
    if (!message || message.bx24demo !== 1) {
      return;
    }
    var frame = frames[message.sid];
    if (!frame || event.origin !== frame.appOrigin || event.source !== frame.iframe.contentWindow) {
      console.warn('Demo portal ignored a frame message from ' + event.origin);
      return;
    }
    var handler = commands[message.command];
    if (!handler) {
      console.warn('Demo portal does not support BX24 command ' + message.command);
      return;
    }
    Promise.resolve(handler(frame, message.params || {})).then(function (result) {
      reply(frame, message.callbackId, result);
    }, function (error) {
      console.error(error);
      reply(frame, message.callbackId, false);
    });
  });

  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('select[data-autosubmit]'), function (select) {
      select.addEventListener('change', function () {
        select.form.submit();
      });
    });
    Array.prototype.forEach.call(document.querySelectorAll('.app-frame'), function (iframe) {
      var form = iframe.parentElement.querySelector('.frame-form');
      register(iframe, form);
      form.submit();
    });
  });
})();
