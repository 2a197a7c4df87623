<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Enter the DHA eClaimLink address (https://...) for this mode, e.g. https://dhpo.eclaimlink.ae/ValidateTransactions.asmx.</source>
      <comment>modes.enter_address</comment>
      <translation>أدخل عنوان DHA eClaimLink (https://...) لهذا الوضع، مثل https://dhpo.eclaimlink.ae/ValidateTransactions.asmx.</translation>
    </message>
    <message>
      <source>DHA production (LIVE) needs an https:// address: plain http:// would send the DHA login and password unencrypted.</source>
      <comment>modes.live_needs_https</comment>
      <translation>بيئة DHA الفعلية (LIVE) تحتاج إلى عنوان https://: استخدام http:// سيرسل اسم الدخول وكلمة المرور إلى DHA دون تشفير.</translation>
    </message>
    <message>
      <source>The DHA test environment needs an https:// address (plain http:// is accepted only for a test server on this computer, 127.0.0.1 or localhost).</source>
      <comment>modes.sandbox_needs_https</comment>
      <translation>بيئة اختبار DHA تحتاج إلى عنوان https:// (يُقبل http:// فقط لخادم اختبار على هذا الكمبيوتر، 127.0.0.1 أو localhost).</translation>
    </message>
  </context>
</TS>
