// hromada's page: sends the forms with the session's token and puts the
// server's answer (HTML made by the server) into the page.
(function () {
  "use strict";
  var token = document.querySelector('meta[name="hromada-token"]').content;
  var busy = document.getElementById("busy");

  function post(url, body, target) {
    busy.hidden = false;
    return fetch(url, { method: "POST", body: body, headers: { "X-Hromada-Token": token }, credentials: "same-origin" })
      .then(function (r) { return r.text().then(function (t) { return { r: r, t: t }; }); })
      .then(function (x) {
        busy.hidden = true;
        target.innerHTML = x.t;
        bind(target);
        if (x.r.headers.get("X-Hromada-Poll")) { poll(); }
        if (x.r.headers.get("X-Hromada-Project")) { clearSteps(); }
      }, function () { busy.hidden = true; });
  }

  function get(url, target, then) {
    return fetch(url, { headers: { "X-Hromada-Token": token }, credentials: "same-origin" })
      .then(function (r) { return r.text().then(function (t) { target.innerHTML = t; bind(target); if (then) { then(r); } }); });
  }

  function clearSteps() {
    ["check", "run"].forEach(function (id) { document.getElementById(id).innerHTML = ""; });
    get("/results", document.getElementById("results"));
  }

  var polling = false;
  function poll() {
    if (polling) { return; }
    polling = true;
    var run = document.getElementById("run");
    (function step() {
      get("/run/status", run, function (r) {
        if (r.headers.get("X-Hromada-Poll")) { setTimeout(step, 400); return; }
        polling = false;
        get("/results", document.getElementById("results"));
      });
    })();
  }

  function bind(root) {
    root.querySelectorAll("form[data-post]").forEach(function (f) {
      if (f.dataset.bound) { return; }
      f.dataset.bound = "1";
      f.addEventListener("submit", function (e) {
        e.preventDefault();
        var fd = new FormData(f);
        // The password of protected workbooks goes with each check, run and
        // quick look; the page keeps it nowhere else.
        if (!fd.has("password")) { fd.append("password", document.getElementById("password").value); }
        post(f.dataset.post, fd, document.getElementById(f.dataset.target));
      });
    });
  }

  function send(files) {
    if (!files || files.length === 0) { return; }
    var fd = new FormData();
    for (var i = 0; i < files.length; i++) { fd.append("files", files[i], files[i].name); }
    post("/project/upload", fd, document.getElementById("project"));
  }

  var drop = document.getElementById("dropzone");
  var input = document.getElementById("upload");
  input.addEventListener("change", function () { send(input.files); input.value = ""; });
  drop.addEventListener("submit", function (e) { e.preventDefault(); });
  ["dragenter", "dragover"].forEach(function (n) {
    drop.addEventListener(n, function (e) { e.preventDefault(); drop.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (n) {
    drop.addEventListener(n, function () { drop.classList.remove("over"); });
  });
  drop.addEventListener("drop", function (e) { e.preventDefault(); send(e.dataTransfer.files); });
  drop.dataset.bound = "1";

  // A file field shows the name of the file chosen in the page's words
  // (the browser's own field is hidden behind its button).
  document.querySelectorAll("span.chosen").forEach(function (s) {
    var input = document.getElementById(s.dataset.for);
    input.addEventListener("change", function () {
      if (input.files.length > 0) { s.textContent = input.files[0].name; }
    });
  });

  bind(document);
  if (document.getElementById("project-path")) {
    get("/run/status", document.getElementById("run"), function (r) {
      if (r.headers.get("X-Hromada-Poll")) { poll(); }
    });
    get("/results", document.getElementById("results"));
  }
})();
