// Stand-in for the Bitrix24 frame library (BX24.js) served by the demo portal. Like the real library it finds the
// portal through window.name, which the portal sets to "DOMAIN|PROTOCOL|APP_SID" on the iframe, so it keeps
// working after the app navigates inside the frame. It talks to the portal page with postMessage, always with the
// portal's origin as the explicit target origin.
(function () {
  'use strict';

  var parts = String(window.name || '').split('|');
  var inFrame = parts.length >= 3 && window.parent !== window;
  var domain = parts[0];
  var protocol = parts[1];
  var sid = parts[2];
  var portalOrigin = (protocol === '1' ? 'https' : 'http') + '://' + domain;
  var callbacks = {};
  var nextCallback = 1;
  var data = null;
  var initHandlers = [];

  if (!inFrame) {
    console.warn('BX24 (demo portal): this page was not opened inside a portal frame; window.name is "'
      + window.name + '" instead of DOMAIN|PROTOCOL|APP_SID.');
  }

  function send(command, params, callback) {
    if (!inFrame) {
      return;
    }
    var callbackId = null;
    if (callback) {
      callbackId = 'cb' + nextCallback++;
      callbacks[callbackId] = callback;
    }
    var message = { bx24demo: 1, sid: sid, command: command, params: params || {}, callbackId: callbackId };
    window.parent.postMessage(JSON.stringify(message), portalOrigin);
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== portalOrigin || event.source !== window.parent || typeof event.data !== 'string') {
      return;
    }
    var message;
    try {
      message = JSON.parse(event.data);
    } catch (e) {
      return;
    }
    if (!message || message.bx24demo !== 1 || message.sid !== sid) {
      return;
    }
    var callback = callbacks[message.callbackId];
    if (callback) {
      delete callbacks[message.callbackId];
      callback(message.result);
    }
  });

  function whenReady(callback) {
    if (data) {
      callback();
    } else {
      initHandlers.push(callback);
    }
  }

  send('init', {}, function (result) {
    data = result;
    var handlers = initHandlers;
    initHandlers = [];
    handlers.forEach(function (handler) {
      handler();
    });
  });

  function contentHeight() {
    var doc = document.documentElement;
    return Math.max(doc.scrollHeight, document.body ? document.body.scrollHeight : 0);
  }

  function auth() {
    if (!data || !data.auth || data.auth.expires_in <= Date.now()) {
      return false;
    }
    return Object.assign({}, data.auth);
  }

  window.BX24 = {
    init: function (callback) {
      whenReady(callback);
    },
    installFinish: function () {
      whenReady(function () {
        send('installFinish', {}, function () {});
      });
    },
    fitWindow: function (callback) {
      var size = { width: '100%', height: contentHeight() };
      send('resizeWindow', size, callback || null);
    },
    resizeWindow: function (width, height, callback) {
      send('resizeWindow', { width: width, height: height }, callback || null);
    },
    getAuth: auth,
    refreshAuth: function (callback) {
      send('refreshAuth', {}, function (result) {
        if (data && result) {
          data.auth = result;
        }
        if (callback) {
          callback(auth());
        }
      });
    },
    placement: {
      info: function () {
        return data ? { placement: data.placement, options: data.options } : { placement: '', options: {} };
      }
    },
    isAdmin: function () {
      return !!(data && data.isAdmin);
    },
    getLang: function () {
      return data ? data.lang : 'en';
    },
    getDomain: function () {
      return domain;
    },
    setTitle: function (title, callback) {
      send('setTitle', { title: String(title) }, callback || null);
    },
    openPath: function (path, callback) {
      send('openPath', { path: String(path) }, callback || null);
    },
    reloadWindow: function () {
      send('reloadWindow', {}, null);
    }
  };
})();
