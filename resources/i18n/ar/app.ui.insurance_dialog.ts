<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>In network</source>
      <translation>داخل الشبكة</translation>
    </message>
    <message>
      <source>Out of network</source>
      <translation>خارج الشبكة</translation>
    </message>
    <message>
      <source>Add insurance</source>
      <translation>إضافة تأمين</translation>
    </message>
    <message>
      <source>Primary insurance for &lt;b&gt;{name}&lt;/b&gt; · {mrn}</source>
      <translation>التأمين الأساسي للمريض &lt;b&gt;{name}&lt;/b&gt; · {mrn}</translation>
    </message>
    <message>
      <source>Loading payers…</source>
      <translation>جارٍ تحميل الجهات الدافعة…</translation>
    </message>
    <message>
      <source>Optional, e.g. Enhanced</source>
      <translation>اختياري، مثل: Enhanced</translation>
    </message>
    <message>
      <source>As printed on the card</source>
      <translation>كما هو مطبوع على البطاقة</translation>
    </message>
    <message>
      <source>Optional</source>
      <translation>اختياري</translation>
    </message>
    <message>
      <source>Payer's rules</source>
      <translation>قواعد الجهة الدافعة</translation>
    </message>
    <message>
      <source>&amp;Payer</source>
      <translation>الجهة الدافعة</translation>
    </message>
    <message>
      <source>P&amp;lan</source>
      <translation>الخطة</translation>
    </message>
    <message>
      <source>Polic&amp;y number</source>
      <translation>رقم الوثيقة</translation>
    </message>
    <message>
      <source>&amp;Member / card ID</source>
      <translation>رقم العضوية / البطاقة</translation>
    </message>
    <message>
      <source>&amp;Network</source>
      <translation>الشبكة</translation>
    </message>
    <message>
      <source>E&amp;ffective date</source>
      <translation>تاريخ السريان</translation>
    </message>
    <message>
      <source>E&amp;xpiry date</source>
      <translation>تاريخ الانتهاء</translation>
    </message>
    <message>
      <source>&amp;Copay %</source>
      <translation>نسبة التحمل %</translation>
    </message>
    <message>
      <source>Copay cap per &amp;visit (AED)</source>
      <translation>الحد الأقصى لنسبة التحمل لكل زيارة (درهم)</translation>
    </message>
    <message>
      <source>Annual &amp;deductible (AED)</source>
      <translation>مبلغ الخصم السنوي (درهم)</translation>
    </message>
    <message>
      <source>Annual copay max&amp;imum (AED)</source>
      <translation>الحد الأقصى السنوي لنسبة التحمل (درهم)</translation>
    </message>
    <message>
      <source>* required. Saved as unverified until DHA or an administrator verifies it.</source>
      <translation>* حقل إلزامي. يُحفظ التأمين على أنه غير مُتحقَّق منه حتى تتحقق منه هيئة الصحة بدبي (DHA) أو أحد المسؤولين.</translation>
    </message>
    <message>
      <source>* required. Saved as unverified. This clinic checks eligibility with the DHA simulator: its answer is stored as SIMULATED, never as a DHA verification.</source>
      <translation>* حقل إلزامي. يُحفظ التأمين على أنه غير مُتحقَّق منه. تتحقق هذه العيادة من الأهلية عبر محاكي DHA: تُحفظ إجابته على أنها محاكاة (SIMULATED)، ولا تُعدّ أبداً تحققاً من DHA.</translation>
    </message>
    <message>
      <source>Error</source>
      <translation>خطأ</translation>
    </message>
    <message>
      <source>&amp;Add Insurance</source>
      <translation>إضافة التأمين</translation>
    </message>
    <message>
      <source>Save this policy as the patient's primary insurance (Enter)</source>
      <translation>حفظ هذه الوثيقة كتأمين أساسي للمريض (Enter)</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>إلغاء</translation>
    </message>
    <message>
      <source>Close without adding anything (Esc)</source>
      <translation>الإغلاق دون إضافة أي شيء (Esc)</translation>
    </message>
    <message>
      <source>No payers set up</source>
      <translation>لا توجد جهات دافعة مُعدّة</translation>
    </message>
    <message>
      <source>No insurance payers are set up at this hospital; an administrator adds them first.</source>
      <translation>لا توجد جهات تأمين دافعة مُعدّة في هذا المستشفى؛ يضيفها المسؤول أولاً.</translation>
    </message>
    <message>
      <source>Choose the payer…</source>
      <translation>اختر الجهة الدافعة…</translation>
    </message>
    <message>
      <source>Payers could not be loaded</source>
      <translation>تعذّر تحميل الجهات الدافعة</translation>
    </message>
    <message>
      <source>Payer default {percent}%</source>
      <translation>النسبة الافتراضية للجهة الدافعة {percent}%</translation>
    </message>
    <message>
      <source>Saving…</source>
      <translation>جارٍ الحفظ…</translation>
    </message>
  </context>
</TS>
