<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>covers {pct} of the primary patient share {share} = {pays}</source>
      <comment>cob.seed</comment>
      <translation>يغطي {pct} من حصة المريض بعد التأمين الأساسي {share} = {pays}</translation>
    </message>
    <message>
      <source>standard COB: lesser of {alone} (alone) and the primary patient share {share} = {pays}</source>
      <comment>cob.standard</comment>
      <translation>تنسيق المنافع القياسي: الأقل بين {alone} (منفردًا) وحصة المريض بعد التأمين الأساسي {share} = {pays}</translation>
    </message>
    <message>
      <source>carve-out COB: {alone} (alone) less {primary} paid by the primary = {pays}</source>
      <comment>cob.carve_out</comment>
      <translation>تنسيق المنافع بطريقة الاقتطاع: {alone} (منفردًا) ناقص {primary} دفعها التأمين الأساسي = {pays}</translation>
    </message>
  </context>
</TS>
