// The page before the app's script arrives: the sign-up / log-in form works on its own, and
// /public shows its headline figures. The app removes all of this once it has drawn its own
// page (dismissShell in web/src/shell.tsx). Plain browser JavaScript, no build step.
(function () {
  'use strict';
  var shell = document.getElementById('shell');
  if (!shell) return;
  var en = localStorage.getItem('feeguard-lang') === 'en';
  if (en) {
    document.documentElement.lang = 'en';
    shell.querySelectorAll('[data-en]').forEach(function (el) {
      el.textContent = el.getAttribute('data-en');
    });
  }
  var path = location.pathname;
  function show(id) {
    document.getElementById(id).hidden = false;
  }

  if (path === '/public' || path === '/public/') {
    show('shell-public');
    var totals = document.getElementById('shell-totals');
    fetch('/api/public/stats?by=month', { credentials: 'same-origin' })
      .then(function (r) {
        return r.ok ? r.json() : null;
      })
      .then(function (stats) {
        if (!stats || !document.getElementById('shell')) return;
        var t = stats.totals;
        var share = t.onTimeShare === null ? '—' : Math.round(t.onTimeShare * 100) + '%';
        var rows = [
          [en ? 'Complaints' : '投诉', String(t.complaints)],
          [en ? 'Claimed (yuan)' : '追讨金额（元）', t.claimed],
          [en ? 'Recovered (yuan)' : '已追回（元）', t.recovered],
          [en ? 'Answered on time' : '按期答复比例', share],
          [
            en ? 'Median days to answer' : '答复天数中位数',
            t.medianDaysToAnswer === null ? '—' : String(t.medianDaysToAnswer),
          ],
        ];
        rows.forEach(function (row) {
          var dt = document.createElement('dt');
          var dd = document.createElement('dd');
          dt.textContent = row[0];
          dd.textContent = row[1];
          totals.appendChild(dt);
          totals.appendChild(dd);
        });
        totals.removeAttribute('aria-busy');
      })
      .catch(function () {});
    return;
  }

  // A visitor who signed in before sees the app open, not a sign-up form; on the shop page, the
  // claim first (one page of one deduction carries the totals).
  if (path !== '/') {
    show('shell-loading');
    return;
  }
  if (localStorage.getItem('feeguard-signed-in') === '1') {
    show('shell-loading');
    var getJson = function (url) {
      return fetch(url, { credentials: 'same-origin' }).then(function (r) {
        return r.ok ? r.json() : null;
      });
    };
    getJson('/api/merchants')
      .then(function (shops) {
        var shop = shops && shops.items && shops.items[0];
        if (!shop) return null;
        document.getElementById('shell-shop').textContent = shop.businessName || shop.name;
        return getJson('/api/merchants/' + shop.id + '/deductions?limit=1');
      })
      .then(function (d) {
        if (!d || !document.getElementById('shell')) return;
        var text = document.getElementById('shell-claim-text');
        if (d.claim !== '0.00') {
          var label = document.createElement('div');
          label.textContent = en ? 'You can claim' : '可以追回';
          var amount = document.createElement('div');
          amount.className = 'sh-claim';
          amount.textContent = d.claim + (en ? ' yuan' : ' 元');
          text.appendChild(label);
          text.appendChild(amount);
        } else if (d.counts.needs_review > 0) {
          text.textContent = en
            ? 'Nothing confirmed to claim yet: ' +
              d.counts.needs_review +
              ' deductions need your answer.'
            : '还没有确定可以追回的金额：有 ' + d.counts.needs_review + ' 笔扣款需要您确认。';
        } else {
          return;
        }
        document.getElementById('shell-loading').hidden = true;
        show('shell-claim');
      })
      .catch(function () {});
    return;
  }
  show('shell-auth');
  var mode = 'register';
  var form = document.getElementById('shell-form');
  var error = document.getElementById('shell-error');
  var submit = document.getElementById('shell-submit');
  var nameField = document.getElementById('shell-name-field');
  var switcher = document.getElementById('shell-switch');
  var words = {
    register: en ? 'Sign up' : '注册',
    login: en ? 'Log in' : '登录',
    toLogin: en ? 'Have an account? Log in' : '已有账号？登录',
    toRegister: en ? 'New here? Sign up' : '没有账号？注册',
    required: en ? 'Please fill in every field.' : '请填写每一项。',
    short: en ? 'The password needs 8 characters or more.' : '密码至少 8 位。',
    failed: en
      ? 'Could not reach FeeGuard; check the network and try again.'
      : '连不上扣费卫士，请检查网络后再试。',
    opening: en ? 'Signed in; opening…' : '已登录，正在打开…',
    sent: en
      ? 'We sent a link to EMAIL. Open it to finish signing up (check the spam folder too).'
      : '验证邮件已发到 EMAIL，请打开邮件里的链接完成注册（也看看垃圾邮件）。',
  };
  switcher.addEventListener('click', function () {
    mode = mode === 'register' ? 'login' : 'register';
    nameField.hidden = mode === 'login';
    submit.textContent = words[mode];
    submit.setAttribute('data-testid', mode === 'register' ? 'signup-submit' : 'login-submit');
    switcher.textContent = mode === 'register' ? words.toLogin : words.toRegister;
    document.getElementById('shell-password').autocomplete =
      mode === 'register' ? 'new-password' : 'current-password';
    error.hidden = true;
  });
  function fail(text) {
    error.textContent = text;
    error.hidden = false;
    submit.disabled = false;
  }
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var body = {
      email: document.getElementById('shell-email').value.trim(),
      password: document.getElementById('shell-password').value,
    };
    if (mode === 'register') body.name = document.getElementById('shell-name').value.trim();
    if (!body.email || !body.password || (mode === 'register' && !body.name)) {
      return fail(words.required);
    }
    if (mode === 'register' && body.password.length < 8) return fail(words.short);
    submit.disabled = true;
    fetch(mode === 'register' ? '/api/auth/register' : '/api/auth/login', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
      .then(function (r) {
        return r.json().then(function (json) {
          if (!r.ok) {
            return fail(json && json.message ? json.message[en ? 'en' : 'zh'] : words.failed);
          }
          if (mode === 'register') {
            // Nobody is signed in until the address is proven: the e-mail has the link.
            error.hidden = true;
            form.hidden = true;
            var sent = document.getElementById('shell-loading');
            sent.textContent = words.sent.replace('EMAIL', body.email);
            sent.setAttribute('data-testid', 'verify-sent');
            sent.setAttribute('role', 'status');
            sent.hidden = false;
            return;
          }
          localStorage.setItem('feeguard-signed-in', '1');
          document.getElementById('shell-auth').hidden = true;
          var loading = document.getElementById('shell-loading');
          loading.textContent = words.opening;
          loading.hidden = false;
          // The app, if it has loaded meanwhile, asks again who is signed in.
          window.dispatchEvent(new Event('feeguard:signed-in'));
        });
      })
      .catch(function () {
        fail(words.failed);
      });
  });
})();
