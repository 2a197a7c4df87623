<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>You were signed out. Sign in again to continue; nothing was saved from the last action.</source>
      <comment>sessions.signed_out</comment>
      <translation>تم تسجيل خروجك. سجّل الدخول مرة أخرى للمتابعة؛ لم يُحفظ شيء من الإجراء الأخير.</translation>
    </message>
    <message>
      <source>This desk was locked after being idle. Sign in again to continue; nothing was saved from the last action.</source>
      <comment>sessions.idle_locked</comment>
      <translation>تم قفل هذا المكتب بعد فترة من عدم النشاط. سجّل الدخول مرة أخرى للمتابعة؛ لم يُحفظ شيء من الإجراء الأخير.</translation>
    </message>
    <message>
      <source>An administrator ended your session. Sign in again to continue; nothing was saved from the last action.</source>
      <comment>sessions.revoked</comment>
      <translation>أنهى أحد المسؤولين جلستك. سجّل الدخول مرة أخرى للمتابعة؛ لم يُحفظ شيء من الإجراء الأخير.</translation>
    </message>
    <message>
      <source>Your session has reached its maximum length. Sign in again to continue; nothing was saved from the last action.</source>
      <comment>sessions.expired</comment>
      <translation>بلغت جلستك الحد الأقصى لمدتها. سجّل الدخول مرة أخرى للمتابعة؛ لم يُحفظ شيء من الإجراء الأخير.</translation>
    </message>
    <message>
      <source>Your account has been disabled. Ask an administrator; nothing was saved from the last action.</source>
      <comment>sessions.user_disabled</comment>
      <translation>تم تعطيل حسابك. راجع أحد المسؤولين؛ لم يُحفظ شيء من الإجراء الأخير.</translation>
    </message>
    <message>
      <source>Your account was changed by an administrator (role or hospital). Sign in again; nothing was saved from the last action.</source>
      <comment>sessions.account_changed</comment>
      <translation>غيّر أحد المسؤولين حسابك (الدور أو المستشفى). سجّل الدخول مرة أخرى؛ لم يُحفظ شيء من الإجراء الأخير.</translation>
    </message>
    <message>
      <source>You are not signed in. Sign in to continue; nothing was saved from the last action.</source>
      <comment>sessions.no_session</comment>
      <translation>أنت غير مسجّل الدخول. سجّل الدخول للمتابعة؛ لم يُحفظ شيء من الإجراء الأخير.</translation>
    </message>
  </context>
</TS>
