/* datasette-factcheck: show the competing figures beside a highlighted figure.
   States per mark: closed, peek (hover/focus) and pinned (click, Enter or Space). Escape closes. */
(function () {
  "use strict";
  var pinned = null;
  var refocusing = false;

  function popFor(mark) {
    return document.getElementById(mark.getAttribute("aria-controls"));
  }

  function place(mark, pop) {
    var box = mark.offsetParent;
    if (!box || window.matchMedia("(max-width: 600px)").matches) {
      pop.style.left = "";
      pop.style.top = (mark.offsetTop + mark.offsetHeight + 4) + "px";
      return;
    }
    var left = Math.max(0, Math.min(mark.offsetLeft, box.clientWidth - pop.offsetWidth));
    pop.style.left = left + "px";
    pop.style.top = (mark.offsetTop + mark.offsetHeight + 4) + "px";
  }

  function show(mark, pin) {
    var pop = popFor(mark);
    if (!pop) return;
    if (pin && pinned && pinned !== mark) hide(pinned);
    pop.hidden = false;
    mark.setAttribute("aria-expanded", "true");
    mark.dataset.state = pin ? "pinned" : (mark.dataset.state === "pinned" ? "pinned" : "peek");
    if (pin) pinned = mark;
    place(mark, pop);
  }

  function hide(mark) {
    var pop = popFor(mark);
    if (pop) pop.hidden = true;
    mark.setAttribute("aria-expanded", "false");
    mark.dataset.state = "closed";
    if (pinned === mark) pinned = null;
  }

  function toggle(mark) {
    if (mark.dataset.state === "pinned") hide(mark); else show(mark, true);
  }

  function markFrom(el) {
    return el && el.closest ? el.closest("mark.fc-claim") : null;
  }

  function init() {
    var marks = document.querySelectorAll("mark.fc-claim[aria-controls]");
    Array.prototype.forEach.call(marks, function (mark) {
      var pop = popFor(mark);
      mark.addEventListener("click", function (e) { e.preventDefault(); toggle(mark); });
      mark.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " " || e.key === "Spacebar") { e.preventDefault(); toggle(mark); }
      });
      mark.addEventListener("focus", function () {
        if (!refocusing && mark.dataset.state !== "pinned") show(mark, false);
      });
      mark.addEventListener("mouseenter", function () { if (mark.dataset.state !== "pinned") show(mark, false); });
      mark.addEventListener("mouseleave", function () {
        setTimeout(function () {
          if (mark.dataset.state === "peek" && !mark.matches(":hover") && !(pop && pop.matches(":hover"))
              && document.activeElement !== mark) hide(mark);
        }, 150);
      });
      mark.addEventListener("blur", function (e) {
        if (mark.dataset.state === "peek" && !(pop && pop.contains(e.relatedTarget))) hide(mark);
      });
      if (pop) {
        pop.addEventListener("mouseleave", function () {
          if (mark.dataset.state === "peek" && !mark.matches(":hover")) hide(mark);
        });
        pop.addEventListener("focusout", function (e) {
          if (mark.dataset.state === "peek" && e.relatedTarget !== mark && !pop.contains(e.relatedTarget)) hide(mark);
        });
      }
    });
    document.addEventListener("keydown", function (e) {
      if (e.key !== "Escape") return;
      var open = document.querySelectorAll('mark.fc-claim[aria-expanded="true"]');
      Array.prototype.forEach.call(open, function (mark) {
        var pop = popFor(mark);
        var inside = pop && pop.contains(document.activeElement);
        hide(mark);
        if (inside) {
          refocusing = true;
          mark.focus({ preventScroll: true });
          refocusing = false;
        }
      });
    });
    document.addEventListener("click", function (e) {
      if (!pinned) return;
      var pop = popFor(pinned);
      if (markFrom(e.target) === pinned || (pop && pop.contains(e.target))) return;
      hide(pinned);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
