/* Attendance in a few taps: each tick is saved at once, and kept on the phone while
 * there is no connection.
 *
 * Progressive enhancement of the plain checklist form (which works without
 * JavaScript). Every tick is a state with the moment it was made ("present: true at
 * 18.05.12"), sent as JSON to the meeting's tick endpoint; the server keeps the latest
 * tick per person, so a tick sent twice or late changes nothing it should not.
 *
 * Why localStorage and not a service worker: the page only has to remember a handful
 * of ticks until the connection returns, which localStorage does on every phone
 * browser, with nothing to install, no scope and no worker updates to get wrong. A
 * service worker would also let the page itself open offline, but the leader opens it
 * once online (at home, or as the meeting starts) and it stays open; what must not be
 * lost is the ticks, and they are written to localStorage before anything is sent.
 * Waiting ticks are sent when the browser says it is online again, and retried every
 * so often in case it says so wrongly.
 */
(function () {
  "use strict";

  var form = document.querySelector("form[data-tick-url]");
  if (!form || !window.fetch || !window.localStorage || !window.JSON) {
    return;
  }
  // One queue per meeting, under its tick URL: ticks left on another meeting's page
  // are sent from this one too.
  var PREFIX = "cirklar.attendance:";
  var storageKey = PREFIX + form.getAttribute("data-tick-url");
  var status = document.getElementById("attendance-status");
  var tokenField = form.querySelector("input[name=csrfmiddlewaretoken]");
  var RETRY_MS = 15000;
  var sending = false;
  var retryTimer = null;
  var lastError = "";

  var TEXT = {
    saved: "Sparad",
    saving: "Sparas …",
    waiting: "Väntar på anslutning, sparad i telefonen",
    allSaved: "Allt är sparat.",
    offlineSubmit:
      "Telefonen har ingen anslutning. Avprickningarna är sparade i telefonen och skickas när anslutningen är tillbaka.",
  };

  function waitingText(count) {
    return count === 1
      ? "1 avprickning väntar på att skickas. Den är sparad i telefonen och skickas när anslutningen är tillbaka."
      : count +
          " avprickningar väntar på att skickas. De är sparade i telefonen och skickas när anslutningen är tillbaka.";
  }

  function load(key) {
    try {
      return JSON.parse(window.localStorage.getItem(key || storageKey)) || {};
    } catch (error) {
      return {};
    }
  }

  function save(pending, key) {
    if (Object.keys(pending).length) {
      window.localStorage.setItem(key || storageKey, JSON.stringify(pending));
    } else {
      window.localStorage.removeItem(key || storageKey);
    }
  }

  /* Every meeting's queue with ticks waiting, this page's first. */
  function queues() {
    var keys = [storageKey];
    for (var i = 0; i < window.localStorage.length; i++) {
      var key = window.localStorage.key(i);
      if (key && key.indexOf(PREFIX) === 0 && key !== storageKey) {
        keys.push(key);
      }
    }
    return keys;
  }

  function waitingCount() {
    return queues().reduce(function (sum, key) {
      return sum + Object.keys(load(key)).length;
    }, 0);
  }

  function idFor(box) {
    if (box.hasAttribute("data-participant")) {
      return "participant:" + box.getAttribute("data-participant");
    }
    return "leader:" + box.getAttribute("data-leader");
  }

  function boxFor(id) {
    var parts = id.split(":");
    return form.querySelector("input[data-" + parts[0] + '="' + parts[1] + '"]');
  }

  function setItemState(id, text, state) {
    var element = document.getElementById("state-" + id.replace(":", "-"));
    if (element) {
      element.textContent = text;
      element.setAttribute("data-state", state);
    }
  }

  function showSummary() {
    var count = waitingCount();
    status.hidden = false;
    if (count) {
      status.textContent = waitingText(count) + (lastError ? " " + lastError : "");
      status.setAttribute("data-state", "waiting");
    } else {
      status.textContent = TEXT.allSaved;
      status.setAttribute("data-state", "saved");
    }
  }

  function scheduleRetry() {
    if (retryTimer === null && waitingCount()) {
      retryTimer = window.setTimeout(function () {
        retryTimer = null;
        flush();
      }, RETRY_MS);
    }
  }

  function sendOne(key, id, tick) {
    var here = key === storageKey;
    var parts = id.split(":");
    var body = { present: tick.present, ticked_at: tick.ticked_at };
    body[parts[0]] = parseInt(parts[1], 10);
    return window
      .fetch(key.slice(PREFIX.length), {
        method: "POST",
        credentials: "same-origin",
        headers: {
          "Content-Type": "application/json",
          Accept: "application/json",
          "X-CSRFToken": tokenField ? tokenField.value : "",
        },
        body: JSON.stringify(body),
      })
      .then(function (response) {
        return response
          .json()
          .catch(function () {
            return {};
          })
          .then(function (data) {
            if (response.status === 404) {
              // The meeting or the person is gone: the tick can never be saved.
              return { gone: true };
            }
            if (!response.ok) {
              var error = new Error(data.error || "");
              error.fromServer = true;
              throw error;
            }
            return data;
          });
      })
      .then(function (data) {
        var pending = load(key);
        // Only the tick that was sent is done: a newer one made meanwhile waits.
        if (pending[id] && pending[id].ticked_at === tick.ticked_at) {
          delete pending[id];
          save(pending, key);
          if (here && !data.gone && !data.applied && typeof data.present === "boolean") {
            // A newer tick from another phone was already saved: show that one.
            var box = boxFor(id);
            if (box) {
              box.checked = data.present;
            }
          }
        }
        if (here) {
          setItemState(id, pending[id] ? TEXT.waiting : TEXT.saved, pending[id] ? "waiting" : "saved");
        }
      });
  }

  function flush() {
    if (sending) {
      return Promise.resolve();
    }
    sending = true;
    var chain = Promise.resolve();
    queues().forEach(function (key) {
      Object.keys(load(key)).forEach(function (id) {
        chain = chain.then(function () {
          var tick = load(key)[id];
          if (!tick) {
            return undefined;
          }
          if (key === storageKey) {
            setItemState(id, TEXT.saving, "saving");
          }
          return sendOne(key, id, tick);
        });
      });
    });
    var failed = false;
    return chain
      .then(function () {
        lastError = "";
      })
      .catch(function (error) {
        failed = true;
        lastError = error && error.fromServer && error.message ? error.message : "";
        Object.keys(load()).forEach(function (id) {
          setItemState(id, TEXT.waiting, "waiting");
        });
      })
      .then(function () {
        sending = false;
        showSummary();
        if (waitingCount()) {
          // Ticks made while these were sent go at once; after a failure, later.
          return failed ? scheduleRetry() : flush();
        }
        return undefined;
      });
  }

  function tick(box) {
    var pending = load();
    var id = idFor(box);
    pending[id] = { present: box.checked, ticked_at: new Date().toISOString() };
    save(pending); // kept on the phone before anything is sent
    setItemState(id, TEXT.waiting, "waiting");
    flush(); // if a flush is under way, it sends this tick when it is done
  }

  form.addEventListener("change", function (event) {
    var box = event.target;
    if (box.type === "checkbox" && (box.hasAttribute("data-participant") || box.hasAttribute("data-leader"))) {
      tick(box);
    }
  });

  form.addEventListener("submit", function (event) {
    if (navigator.onLine === false) {
      event.preventDefault();
      status.hidden = false;
      status.textContent = TEXT.offlineSubmit;
    }
  });

  window.addEventListener("online", function () {
    flush();
  });
  window.addEventListener("offline", function () {
    showSummary();
  });

  // Ticks left from an earlier visit (the page closed before they were sent): shown
  // as ticked, and sent now.
  var pending = load();
  Object.keys(pending).forEach(function (id) {
    var box = boxFor(id);
    if (box) {
      box.checked = pending[id].present;
      setItemState(id, TEXT.waiting, "waiting");
    } else {
      delete pending[id];
    }
  });
  save(pending);
  if (waitingCount()) {
    flush();
  }
})();
