<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Use data on file</source>
      <translation>استخدام البيانات المسجلة</translation>
    </message>
    <message>
      <source>Treat as self-pay</source>
      <translation>المعاملة على نفقة المريض الخاصة</translation>
    </message>
    <message>
      <source>Update from DHA</source>
      <translation>التحديث من DHA</translation>
    </message>
    <message>
      <source>Accept change</source>
      <translation>قبول التغيير</translation>
    </message>
    <message>
      <source>Reject change</source>
      <translation>رفض التغيير</translation>
    </message>
    <message>
      <source>Verify Emirates ID</source>
      <translation>التحقق من الهوية الإماراتية</translation>
    </message>
    <message>
      <source>Check DHA again</source>
      <translation>التحقق من DHA مرة أخرى</translation>
    </message>
    <message>
      <source>Keep the insurance on file for this visit (recorded in the insurance audit log).</source>
      <translation>الإبقاء على التأمين المسجّل لهذه الزيارة (يُسجَّل في سجل تدقيق التأمين).</translation>
    </message>
    <message>
      <source>The patient pays the full fee for this visit.</source>
      <translation>يدفع المريض الرسوم كاملة عن هذه الزيارة.</translation>
    </message>
    <message>
      <source>Write DHA's answer into the policy on file; a policy DHA does not cover stops being used for copay quotes.</source>
      <translation>كتابة إجابة DHA في الوثيقة المسجلة؛ والوثيقة التي لا تغطيها DHA لن تُستخدم بعد ذلك في حساب نسبة التحمل.</translation>
    </message>
    <message>
      <source>Keep the terms DHA reported (already applied).</source>
      <translation>الإبقاء على الشروط التي أبلغت عنها DHA (مطبّقة بالفعل).</translation>
    </message>
    <message>
      <source>Restore the previous terms; an administrator then verifies the policy manually.</source>
      <translation>استعادة الشروط السابقة؛ ثم يتحقق المسؤول من الوثيقة يدوياً.</translation>
    </message>
    <message>
      <source>Scan or type the patient's Emirates ID card to confirm the patient and check the insurance with DHA.</source>
      <translation>امسح بطاقة الهوية الإماراتية للمريض أو اكتب رقمها لتأكيد هويته والتحقق من التأمين لدى DHA.</translation>
    </message>
    <message>
      <source>Ask DHA again; the desk can continue with the data on file meanwhile.</source>
      <translation>اسأل DHA مرة أخرى؛ يمكن لمكتب الاستقبال متابعة العمل بالبيانات المسجلة في هذه الأثناء.</translation>
    </message>
    <message>
      <source>Decision recorded: the insurance on file is used.</source>
      <translation>تم تسجيل القرار: يُستخدم التأمين المسجّل في الملف.</translation>
    </message>
    <message>
      <source>Decision recorded: treated as self-pay.</source>
      <translation>تم تسجيل القرار: يُعامل المريض على نفقته الخاصة.</translation>
    </message>
    <message>
      <source>Decision recorded: the insurance was updated from DHA.</source>
      <translation>تم تسجيل القرار: تم تحديث التأمين من بيانات DHA.</translation>
    </message>
    <message>
      <source>Coverage change accepted.</source>
      <translation>تم قبول تغيير التغطية.</translation>
    </message>
    <message>
      <source>Coverage change rejected: previous terms restored, the policy awaits manual verification.</source>
      <translation>تم رفض تغيير التغطية: أُعيدت الشروط السابقة، والوثيقة بانتظار التحقق اليدوي.</translation>
    </message>
    <message>
      <source>Insurance on file not confirmed by DHA</source>
      <translation>التأمين المسجّل غير مؤكد من DHA</translation>
    </message>
    <message>
      <source>Policy renewed</source>
      <translation>تم تجديد الوثيقة</translation>
    </message>
    <message>
      <source>Emirates ID not verified</source>
      <translation>الهوية الإماراتية غير مُتحقَّق منها</translation>
    </message>
    <message>
      <source>Coverage changed at DHA</source>
      <translation>تغيّرت التغطية لدى DHA</translation>
    </message>
    <message>
      <source>Insurer changed</source>
      <translation>تغيّرت شركة التأمين</translation>
    </message>
    <message>
      <source>Coverage reduced</source>
      <translation>انخفضت التغطية</translation>
    </message>
    <message>
      <source>Copay increased</source>
      <translation>ارتفعت نسبة التحمل</translation>
    </message>
    <message>
      <source>Network changed</source>
      <translation>تغيّرت الشبكة</translation>
    </message>
    <message>
      <source>DHA verification unavailable</source>
      <translation>التحقق من DHA غير متاح</translation>
    </message>
    <message>
      <source>Policy expired</source>
      <translation>انتهت صلاحية الوثيقة</translation>
    </message>
    <message>
      <source>Insurance added from DHA</source>
      <translation>أُضيف التأمين من DHA</translation>
    </message>
    <message>
      <source>Payer not set up</source>
      <translation>الجهة الدافعة غير مُعدّة</translation>
    </message>
    <message>
      <source>DHA eligibility could not be checked ({reason}). The insurance on file is used and is not verified in real time.</source>
      <translation>تعذّر التحقق من الأهلية لدى DHA ({reason}). يُستخدم التأمين المسجّل في الملف دون تحقق فوري.</translation>
    </message>
    <message>
      <source>Eligibility alerts</source>
      <translation>تنبيهات الأهلية</translation>
    </message>
    <message>
      <source>Eligibility decision</source>
      <translation>قرار الأهلية</translation>
    </message>
    <message>
      <source>&lt;b&gt;{title}&lt;/b&gt; — {message}</source>
      <translation>&lt;b&gt;{title}&lt;/b&gt; — {message}</translation>
    </message>
    <message>
      <source>Reject coverage change</source>
      <translation>رفض تغيير التغطية</translation>
    </message>
    <message>
      <source>Why are DHA's new terms rejected? The previous terms are restored and the reason is kept in the insurance audit log.</source>
      <translation>لماذا تُرفض الشروط الجديدة من DHA؟ ستُستعاد الشروط السابقة ويُحفظ السبب في سجل تدقيق التأمين.</translation>
    </message>
    <message>
      <source>Reject</source>
      <translation>رفض</translation>
    </message>
    <message>
      <source>There is no Emirates ID on file for this patient, so it cannot be verified here. Add it to the patient record, then check again.</source>
      <translation>لا توجد هوية إماراتية مسجلة لهذا المريض، لذا لا يمكن التحقق منها هنا. أضفها إلى سجل المريض، ثم تحقّق مرة أخرى.</translation>
    </message>
    <message>
      <source>The card scanned ({eid}) is not the Emirates ID on file for {name} ({eid_on_file}). Check that this is the right patient.</source>
      <translation>البطاقة الممسوحة ({eid}) ليست الهوية الإماراتية المسجلة للمريض {name} ({eid_on_file}). تأكّد من أنه المريض الصحيح.</translation>
    </message>
    <message>
      <source>✓ Emirates ID verified: the card matches {name}'s Emirates ID on file ({eid}).</source>
      <translation>✓ تم التحقق من الهوية الإماراتية: البطاقة مطابقة للهوية الإماراتية المسجلة للمريض {name} ({eid}).</translation>
    </message>
    <message>
      <source>Done.</source>
      <translation>تم.</translation>
    </message>
    <message>
      <source>{decision} The copay step of the visit will ask again.</source>
      <translation>{decision} ستسأل خطوة نسبة التحمل في الزيارة مرة أخرى.</translation>
    </message>
    <message>
      <source>Decision</source>
      <translation>القرار</translation>
    </message>
    <message>
      <source>Scan the patient's Emirates ID card (or type the number on it):</source>
      <translation>امسح بطاقة الهوية الإماراتية للمريض (أو اكتب الرقم المطبوع عليها):</translation>
    </message>
  </context>
</TS>
