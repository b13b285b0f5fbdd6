// aims web application: the few behaviours htmx does not cover. No inline scripts (the
// Content-Security-Policy forbids them); everything keyed on ids and data attributes.
(function () {
  "use strict";
  function csrf() { return document.body.dataset.csrf || ""; }

  // htmx requests carry the session's CSRF token, as API writes do.
  document.addEventListener("htmx:configRequest", function (e) {
    e.detail.headers["X-CSRF-Token"] = csrf();
  });

  // Evidence upload: drop a file or choose one; it is sent to the API, which stores it under its
  // SHA-256 and answers the hash; the form then creates the record naming that hash.
  function setupDropzone() {
    var zone = document.getElementById("dropzone");
    if (!zone) return;
    var input = document.getElementById("evidence-file");
    var status = document.getElementById("upload-status");
    var shaField = document.getElementById("f-sha256");
    var nameField = document.getElementById("f-file_name");
    var typeField = document.getElementById("f-media_type");
    var titleField = document.getElementById("f-title");
    function upload(file) {
      if (!file) return;
      status.textContent = "Uploading " + file.name + "…";
      fetch(zone.dataset.uploadUrl, {
        method: "POST", credentials: "same-origin",
        headers: { "X-CSRF-Token": csrf(), "Content-Type": "application/octet-stream" },
        body: file
      }).then(function (res) {
        return res.json().then(function (body) { return { ok: res.ok, body: body }; });
      }).then(function (r) {
        if (!r.ok) { status.textContent = "Upload refused: " + (r.body.detail || "error"); return; }
        shaField.value = r.body.sha256;
        nameField.value = file.name;
        if (typeField && !typeField.value) typeField.value = file.type || "application/octet-stream";
        if (titleField && !titleField.value) titleField.value = file.name;
        status.textContent = "Uploaded " + file.name + " (" + r.body.size_bytes + " bytes, SHA-256 " + r.body.sha256.slice(0, 16) + "…). Complete the fields and create the record.";
        zone.dataset.uploaded = "true";
      }).catch(function () { status.textContent = "Upload failed: the server could not be reached."; });
    }
    input.addEventListener("change", function () { upload(input.files[0]); });
    zone.addEventListener("dragover", function (e) { e.preventDefault(); zone.classList.add("over"); });
    zone.addEventListener("dragleave", function () { zone.classList.remove("over"); });
    zone.addEventListener("drop", function (e) {
      e.preventDefault();
      zone.classList.remove("over");
      if (e.dataTransfer && e.dataTransfer.files.length) upload(e.dataTransfer.files[0]);
    });
  }

  // CSV import: a chosen file's text goes into the textarea (which also takes pasted text).
  function setupFileFill() {
    document.querySelectorAll("input[type=file][data-fill]").forEach(function (input) {
      input.addEventListener("change", function () {
        var target = document.getElementById(input.dataset.fill);
        var file = input.files[0];
        if (!file || !target) return;
        file.text().then(function (text) { target.value = text; });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setupDropzone();
    setupFileFill();
  });
})();
