/*
 * Live updates that stop must say so: a page whose polls fail still looks current, and an engineer
 * would approve from a stale view. When a poll of the decision list or a decision's status comes
 * back as the sign-in page (the session ended), fails to reach the gateway (down, or an expired
 * OIDC session redirecting to the provider, which the browser does not follow for a poll), or is
 * answered with an error, the banner under the header says since when and why; the next poll that
 * succeeds hides it again. No inline script (the CSP allows only 'self').
 */
(function () {
  "use strict";

  function banner() {
    return document.getElementById("stale");
  }

  function stale(reason) {
    var b = banner();
    if (!b || !b.hidden) {
      return; // keep the first time it stopped
    }
    b.textContent =
      "Live updates stopped at " + new Date().toLocaleTimeString() + ": " + reason +
      " What you see may be out of date; reload the page.";
    b.hidden = false;
  }

  function live() {
    var b = banner();
    if (b) {
      b.hidden = true;
    }
  }

  document.addEventListener("htmx:beforeSwap", function (e) {
    var xhr = e.detail.xhr;
    var url = (xhr && xhr.responseURL) || "";
    if (url.indexOf("/ui/login") >= 0) {
      e.detail.shouldSwap = false; // never put the sign-in page in place of the list
      stale("you are signed out (the session ended).");
    }
  });
  document.addEventListener("htmx:afterSwap", function (e) {
    var url = (e.detail.xhr && e.detail.xhr.responseURL) || "";
    if (url.indexOf("/ui/login") < 0) {
      live();
    }
  });
  document.addEventListener("htmx:sendError", function () {
    stale("the gateway did not answer (it may be down, or your sign-in expired).");
  });
  document.addEventListener("htmx:responseError", function (e) {
    stale("the gateway answered " + e.detail.xhr.status + ".");
  });
})();
