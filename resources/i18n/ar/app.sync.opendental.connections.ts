<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>No OpenDental API keys for connection '{name}' on this workstation. An administrator enters the developer key and the customer key under OpenDental (in the navigation) on this computer (the keys live in this computer's keyring, never in the database).</source>
      <comment>connections.opendental_api_keys_connection</comment>
      <translation>لا توجد مفاتيح API لـ OpenDental للاتصال '{name}' على محطة العمل هذه. يُدخل المسؤول مفتاح المطوّر ومفتاح العميل من صفحة OpenDental (في قائمة التنقل) على هذا الكمبيوتر (تُحفظ المفاتيح في مخزن كلمات المرور على هذا الكمبيوتر، وليس في قاعدة البيانات أبدًا).</translation>
    </message>
  </context>
</TS>
