/* govreport serve: checks as you type, fills the totals, saves drafts.
 *
 * Plain JavaScript, no framework, no external resource (CSP: script-src 'self').
 * Field names are data-file paths; an element's id is "f-" + the path with
 * "." replaced by "-" (govreport.serve.form.field_id).
 */
(function () {
  "use strict";

  var CHECK_DELAY = 300; // ms after the last keystroke
  var SAVE_DELAY = 1500; // drafts are saved less often than they are checked
  var SEVERITY = { error: "错误", warning: "警告", info: "提示" };

  var form = document.getElementById("report");
  if (!form) {
    return;
  }
  var csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || "";
  var status = document.getElementById("save-status");
  var checkTimer = null;
  var saveTimer = null;
  var checkSeq = 0;
  var saving = false;
  var saveAgain = false;
  var conflict = false;

  function fieldId(path) {
    return "f-" + path.replace(/\./g, "-");
  }

  // A finding's model path (parts[0].text) as a field name (parts.0.text).
  function formPath(path) {
    return String(path || "").replace(/\[(\d+)\]/g, ".$1");
  }

  function fields() {
    var out = {};
    var data = new FormData(form);
    data.forEach(function (value, name) {
      if (name !== "csrf" && typeof value === "string") {
        out[name] = value;
      }
    });
    return out;
  }

  function post(url, body) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify(body),
    });
  }

  function say(message, urgent) {
    if (!status) {
      return;
    }
    status.textContent = message;
    status.classList.toggle("alert", !!urgent);
    if (urgent) {
      status.setAttribute("role", "alert");
    } else {
      status.setAttribute("role", "status");
    }
  }

  // ------------------------------------------------------------- findings

  function clearFindings() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-finding]"), function (el) {
      el.parentNode.removeChild(el);
    });
    Array.prototype.forEach.call(form.querySelectorAll('[aria-invalid="true"]'), function (el) {
      el.removeAttribute("aria-invalid");
    });
    Array.prototype.forEach.call(form.querySelectorAll("[data-described]"), function (el) {
      var own = el.getAttribute("data-described");
      if (own) {
        el.setAttribute("aria-describedby", own);
      } else {
        el.removeAttribute("aria-describedby");
      }
      el.removeAttribute("data-described");
    });
    Array.prototype.forEach.call(form.querySelectorAll(".invalid"), function (el) {
      el.classList.remove("invalid");
    });
    Array.prototype.forEach.call(
      document.querySelectorAll(".table-findings, .section-findings"),
      function (el) {
        el.textContent = "";
      }
    );
  }

  function describe(el, id) {
    if (!el.hasAttribute("data-described")) {
      el.setAttribute("data-described", el.getAttribute("aria-describedby") || "");
    }
    var ids = (el.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
    ids.push(id);
    el.setAttribute("aria-describedby", ids.join(" "));
  }

  function text(finding) {
    var where = finding.location ? finding.location + "：" : "";
    return where + finding.message;
  }

  function findingNode(tag, finding, id) {
    var node = document.createElement(tag);
    node.className = "finding " + (finding.severity || "error");
    node.setAttribute("data-finding", "");
    if (id) {
      node.id = id;
    }
    var code = document.createElement("span");
    code.className = "code";
    code.textContent = finding.code + " " + (finding.label || SEVERITY[finding.severity] || "");
    node.appendChild(code);
    node.appendChild(document.createTextNode(" " + text(finding)));
    return node;
  }

  // The message goes right under the lowest table row it is about, or under the field.
  function place(finding, id, elements) {
    var rows = elements
      .map(function (el) {
        return el.closest("tr");
      })
      .filter(Boolean);
    if (rows.length) {
      var row = rows.reduce(function (a, b) {
        return b.rowIndex > a.rowIndex ? b : a;
      });
      var after = row;
      while (after.nextElementSibling && after.nextElementSibling.hasAttribute("data-finding")) {
        after = after.nextElementSibling;
      }
      var tr = document.createElement("tr");
      tr.className = "finding-row";
      tr.setAttribute("data-finding", "");
      var td = document.createElement("td");
      td.colSpan = Number(row.closest("table").getAttribute("data-cols")) || 1;
      td.appendChild(findingNode("p", finding, id));
      tr.appendChild(td);
      after.parentNode.insertBefore(tr, after.nextSibling);
      return true;
    }
    var box = elements.length ? elements[0].closest(".field, .list") : null;
    if (box) {
      box.appendChild(findingNode("p", finding, id));
      return true;
    }
    return false;
  }

  // The section a path belongs to, for a finding about no single field (五 as a whole).
  var BASIC = ["agency", "year", "published", "signatory", "title_text", "opening"];

  function sectionOf(path) {
    var head = String(path || "").split(".")[0];
    if (!head) {
      return null;
    }
    return document.getElementById(BASIC.indexOf(head) >= 0 ? "sec-basic" : "sec-" + head);
  }

  function showFindings(findings) {
    clearFindings();
    var errors = 0;
    var list = document.getElementById("summary-list");
    if (list) {
      list.textContent = "";
    }
    findings.forEach(function (finding, i) {
      if (finding.severity === "error") {
        errors += 1;
      }
      var id = "msg-" + i;
      var paths = (finding.paths && finding.paths.length ? finding.paths : [finding.path])
        .filter(Boolean)
        .map(formPath);
      var elements = paths
        .map(function (p) {
          return document.getElementById(fieldId(p));
        })
        .filter(Boolean);
      elements.forEach(function (el) {
        if (finding.severity !== "info") {
          if (el.tagName === "OUTPUT") {
            el.parentNode.classList.add("invalid");
          } else {
            el.setAttribute("aria-invalid", "true");
          }
        }
        describe(el, id);
      });
      var section = elements.length ? elements[0].closest("section") : sectionOf(paths[0]);
      var placed = place(finding, id, elements);
      var region = section && section.querySelector(".table-findings, .section-findings");
      if (region) {
        // Seen beside its cells already; the region is there to be heard.
        var heard = findingNode("p", finding, placed ? null : id);
        if (placed) {
          heard.classList.add("sr-only");
        }
        region.appendChild(heard);
        placed = true;
      }
      if (list) {
        var item = findingNode("li", finding, placed ? null : id);
        var target = elements.length ? elements[0] : section;
        if (target) {
          var link = document.createElement("a");
          link.href = "#" + target.id;
          link.textContent = "转到";
          item.appendChild(document.createTextNode(" "));
          item.appendChild(link);
        }
        list.appendChild(item);
      }
    });
    Array.prototype.forEach.call(
      document.querySelectorAll(".table-findings, .section-findings"),
      function (region) {
        var seen = region.querySelectorAll(".finding.sr-only").length;
        if (seen) {
          var line = document.createElement("p");
          line.className = "region-count";
          line.setAttribute("data-finding", "");
          line.textContent = "本部分有 " + seen + " 处问题，已在相应位置标出。";
          region.insertBefore(line, region.firstChild);
        }
      }
    );
    var count = document.getElementById("summary-count");
    if (count) {
      count.textContent = findings.length
        ? "共 " + findings.length + " 处问题，其中错误 " + errors + " 处。"
        : "没有发现问题。";
    }
    Array.prototype.forEach.call(form.querySelectorAll("button.final"), function (button) {
      button.disabled = errors > 0;
    });
    var note = document.getElementById("final-note");
    if (note) {
      note.textContent = errors
        ? "尚有 " + errors + " 处错误，改正后才能下载正式文件；现在可以下载草稿。"
        : "没有错误，可以下载正式文件。";
    }
  }

  function showTotals(totals) {
    Array.prototype.forEach.call(form.querySelectorAll("output"), function (out) {
      var path = out.parentNode.getAttribute("data-path");
      if (path && totals && Object.prototype.hasOwnProperty.call(totals, path)) {
        out.textContent = totals[path];
      }
    });
  }

  function check() {
    var seq = ++checkSeq;
    post("/api/check", { fields: fields() })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.json();
      })
      .then(function (answer) {
        if (seq !== checkSeq) {
          return; // a later check is on its way
        }
        showFindings(answer.findings || []);
        showTotals(answer.totals || {});
      })
      .catch(function () {
        if (seq === checkSeq) {
          say("暂时无法检查：请确认服务仍在运行 (check failed)", true);
        }
      });
  }

  // ------------------------------------------------------------- drafts

  function save() {
    if (conflict) {
      return;
    }
    if (saving) {
      saveAgain = true;
      return;
    }
    saving = true;
    var id = form.getAttribute("data-draft-id");
    var version = Number(form.getAttribute("data-version")) || 0;
    var url = id ? "/api/drafts/" + encodeURIComponent(id) : "/api/drafts";
    post(url, { fields: fields(), version: version })
      .then(function (response) {
        return response
          .json()
          .catch(function () {
            return {};
          })
          .then(function (answer) {
            if (response.status === 409) {
              conflict = true;
              say(
                (answer.message || "另一个窗口已保存了此草稿的较新版本，本次未保存") +
                  " 本页不再自动保存，以免覆盖另一个窗口的内容。",
                true
              );
              return;
            }
            if (!response.ok) {
              say("草稿未能保存：" + (answer.message || response.status), true);
              return;
            }
            if (answer.id && !id) {
              // The first save of a new draft: the server made its id.
              form.setAttribute("data-draft-id", answer.id);
              if (window.history && window.history.replaceState) {
                window.history.replaceState(null, "", answer.url || "/drafts/" + answer.id);
              }
            }
            form.setAttribute("data-version", String(answer.version));
            var now = new Date();
            say(
              "草稿已保存（第 " + answer.version + " 版，" + now.toLocaleTimeString("zh-CN") + "）",
              false
            );
          });
      })
      .catch(function () {
        say("草稿未能保存：无法连接服务器 (save failed)", true);
      })
      .then(function () {
        saving = false;
        if (saveAgain) {
          saveAgain = false;
          schedule();
        }
      });
  }

  function schedule() {
    clearTimeout(checkTimer);
    clearTimeout(saveTimer);
    checkTimer = setTimeout(check, CHECK_DELAY);
    saveTimer = setTimeout(save, SAVE_DELAY);
  }

  // ------------------------------------------------------------- lists

  function renumber(list) {
    var path = list.getAttribute("data-list");
    var items = list.querySelectorAll(":scope > .items > .item");
    Array.prototype.forEach.call(items, function (item, index) {
      Array.prototype.forEach.call(item.querySelectorAll("[data-key]"), function (control) {
        var key = control.getAttribute("data-key");
        var name = path + "." + index + (key ? "." + key : "");
        var label = item.querySelector('label[for="' + control.id + '"]');
        control.name = name;
        control.id = fieldId(name);
        control.title = name;
        if (label) {
          label.htmlFor = control.id;
          var number = label.querySelector(".n");
          if (number) {
            number.textContent = String(index + 1);
          }
        }
        var box = control.closest(".field");
        if (box) {
          box.setAttribute("data-path", name);
          var dev = box.querySelector(".devpath");
          if (dev) {
            dev.textContent = name;
          }
        }
      });
    });
  }

  function addItem(list) {
    var template = list.querySelector(":scope > template");
    var items = list.querySelector(":scope > .items");
    var item = template.content.firstElementChild.cloneNode(true);
    items.appendChild(item);
    renumber(list);
    var first = item.querySelector("input, textarea");
    if (first) {
      first.focus();
    }
  }

  function removeItem(item) {
    var list = item.closest(".list");
    item.parentNode.removeChild(item);
    renumber(list);
    list.querySelector(":scope > .add-item").focus();
    schedule();
  }

  function setLists(values) {
    Array.prototype.forEach.call(form.querySelectorAll(".list"), function (list) {
      var path = list.getAttribute("data-list") + ".";
      var items = list.querySelector(":scope > .items");
      items.textContent = "";
      var count = 0;
      Object.keys(values).forEach(function (name) {
        if (name.indexOf(path) === 0) {
          var index = Number(name.slice(path.length).split(".")[0]);
          if (index + 1 > count) {
            count = index + 1;
          }
        }
      });
      for (var i = 0; i < count; i++) {
        items.appendChild(
          list.querySelector(":scope > template").content.firstElementChild.cloneNode(true)
        );
      }
      renumber(list);
    });
  }

  // Replaces every field with the given values (a prefill from last year).
  function fill(values) {
    setLists(values);
    Array.prototype.forEach.call(form.elements, function (control) {
      if (!control.name || control.name === "csrf" || control.type === "submit") {
        return;
      }
      control.value = Object.prototype.hasOwnProperty.call(values, control.name)
        ? values[control.name]
        : "";
    });
  }

  // ------------------------------------------------------------- uploads

  function upload(formEl, noteId, onDone) {
    formEl.addEventListener("submit", function (event) {
      event.preventDefault();
      var note = document.getElementById(noteId);
      note.textContent = "正在上传……";
      fetch(formEl.action, {
        method: "POST",
        credentials: "same-origin",
        headers: { "X-CSRF-Token": csrf },
        body: new FormData(formEl),
      })
        .then(function (response) {
          return response
            .json()
            .catch(function () {
              return {};
            })
            .then(function (answer) {
              if (!response.ok) {
                note.textContent = "未能导入：" + (answer.message || response.status);
                return;
              }
              onDone(answer, note);
            });
        })
        .catch(function () {
          note.textContent = "未能上传：无法连接服务器 (upload failed)";
        });
    });
  }

  var prefill = document.getElementById("prefill-form");
  if (prefill) {
    upload(prefill, "prefill-notes", function (answer, note) {
      fill(answer.fields || {});
      var notes = answer.notes || [];
      note.textContent = "已按上一年预填。" + notes.join(" ");
      schedule();
    });
  }
  var template = document.getElementById("template-form");
  if (template) {
    upload(template, "template-notes", function (answer, note) {
      note.textContent = answer.message || "模板已保存，下载 Word 文档时使用。";
    });
  }

  // ------------------------------------------------------------- preview

  var previewButton = document.getElementById("preview-button");
  var previewFrame = document.getElementById("preview-frame");
  if (previewButton && previewFrame) {
    previewButton.addEventListener("click", function () {
      var note = document.getElementById("preview-status");
      note.textContent = "正在生成预览……";
      post("/api/preview", { fields: fields() })
        .then(function (response) {
          return response.text().then(function (body) {
            if (!response.ok) {
              var message = "";
              try {
                message = JSON.parse(body).message || "";
              } catch (e) {
                message = String(response.status);
              }
              note.textContent = "无法生成预览：" + message;
              return;
            }
            // A sandboxed frame without scripts: the output's HTML is shown, never run.
            previewFrame.srcdoc = body;
            previewFrame.hidden = false;
            note.textContent = "预览已更新。";
          });
        })
        .catch(function () {
          note.textContent = "无法生成预览：无法连接服务器 (preview failed)";
        });
    });
  }

  // ------------------------------------------------------------- downloads

  function fileName(response, fallback) {
    var header = response.headers.get("Content-Disposition") || "";
    var utf8 = /filename\*=UTF-8''([^;]+)/i.exec(header);
    if (utf8) {
      try {
        return decodeURIComponent(utf8[1]);
      } catch (e) {
        /* fall through to the plain name */
      }
    }
    var plain = /filename="?([^";]+)"?/i.exec(header);
    return plain ? plain[1] : fallback;
  }

  // The download buttons post the form by fetch (same-origin, with the CSRF
  // header) and save the answer; without this script the form posts natively.
  form.addEventListener("submit", function (event) {
    var button = event.submitter;
    if (!button || !button.hasAttribute("formaction")) {
      return;
    }
    event.preventDefault();
    var note = document.getElementById("final-note");
    var url = button.getAttribute("formaction");
    var body = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (typeof value === "string") {
        body.append(name, value);
      }
    });
    button.disabled = true;
    note.textContent = "正在生成文件……";
    fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRF-Token": csrf },
      body: body,
    })
      .then(function (response) {
        if (!response.ok) {
          return response
            .json()
            .catch(function () {
              return {};
            })
            .then(function (answer) {
              note.textContent = "未能下载：" + (answer.message || response.status);
              if (answer.findings) {
                showFindings(answer.findings);
              }
            });
        }
        return response.blob().then(function (blob) {
          var link = document.createElement("a");
          link.href = URL.createObjectURL(blob);
          link.download = fileName(response, "report." + (button.getAttribute("data-format") || "bin"));
          document.body.appendChild(link);
          link.click();
          setTimeout(function () {
            URL.revokeObjectURL(link.href);
            link.parentNode.removeChild(link);
          }, 1000);
          note.textContent = "已生成：" + link.download;
        });
      })
      .catch(function () {
        note.textContent = "未能下载：无法连接服务器 (download failed)";
      })
      .then(function () {
        button.disabled = false;
        check(); // the final buttons follow the findings again
      });
  });

  // ------------------------------------------------------------- wiring

  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
  form.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element)) {
      return;
    }
    if (target.classList.contains("add-item")) {
      addItem(target.closest(".list"));
    } else if (target.classList.contains("remove-item")) {
      removeItem(target.closest(".item"));
    }
  });
  // Enter in a one-line field must not submit the form (it would download a file).
  form.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key === "Enter" && target instanceof HTMLInputElement) {
      event.preventDefault();
    }
  });

  var toggle = document.getElementById("show-paths");
  if (toggle) {
    toggle.addEventListener("change", function () {
      document.body.classList.toggle("show-paths", toggle.checked);
    });
  }

  check(); // findings and totals of the page as loaded
})();
