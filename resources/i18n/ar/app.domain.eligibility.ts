<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>in network</source>
      <translation>داخل الشبكة</translation>
    </message>
    <message>
      <source>out of network</source>
      <translation>خارج الشبكة</translation>
    </message>
    <message>
      <source>active</source>
      <translation>سارية</translation>
    </message>
    <message>
      <source>inactive</source>
      <translation>غير سارية</translation>
    </message>
    <message>
      <source>expired</source>
      <translation>منتهية</translation>
    </message>
    <message>
      <source>suspended</source>
      <translation>موقوفة</translation>
    </message>
    <message>
      <source>not found</source>
      <translation>غير موجود</translation>
    </message>
    <message>
      <source>DHA lists the insurer as {dha}; the policy on file says {file}.</source>
      <comment>eligibility.provider_changed</comment>
      <translation>تُظهر DHA شركة التأمين على أنها {dha}؛ بينما تذكر الوثيقة المسجلة {file}.</translation>
    </message>
    <message>
      <source>Coverage fell from {old} to {new}; the patient pays more.</source>
      <comment>eligibility.coverage_reduced</comment>
      <translation>انخفضت التغطية من {old} إلى {new}؛ سيدفع المريض أكثر.</translation>
    </message>
    <message>
      <source>The fixed copay rose from {old} to {new}.</source>
      <comment>eligibility.copay_increased</comment>
      <translation>ارتفعت نسبة التحمل الثابتة من {old} إلى {new}.</translation>
    </message>
    <message>
      <source>DHA lists this clinic as {dha} for the policy; the policy on file says {file}.</source>
      <comment>eligibility.network_changed</comment>
      <translation>تُظهر DHA هذه العيادة على أنها {dha} لهذه الوثيقة؛ بينما تذكر الوثيقة المسجلة {file}.</translation>
    </message>
    <message>
      <source>DHA reports different coverage terms from the policy on file; the policy was updated from DHA. Accept the change, or reject it to restore the old terms.</source>
      <comment>eligibility.coverage_changed</comment>
      <translation>تُظهر DHA شروط تغطية مختلفة عن الوثيقة المسجلة؛ تم تحديث الوثيقة من DHA. اقبل التغيير، أو ارفضه لاستعادة الشروط السابقة.</translation>
    </message>
    <message>
      <source>The patient was found by name or MRN, not by Emirates ID. Scan the card to confirm it is the same person before relying on this insurance.</source>
      <comment>eligibility.found_without_eid</comment>
      <translation>تم العثور على المريض بالاسم أو رقم الملف الطبي (MRN)، وليس بالهوية الإماراتية. امسح البطاقة للتأكد من أنه الشخص نفسه قبل الاعتماد على هذا التأمين.</translation>
    </message>
    <message>
      <source>No Emirates ID is on file, so DHA cannot confirm this insurance. Scan or type the patient's Emirates ID.</source>
      <comment>eligibility.no_eid</comment>
      <translation>لا توجد هوية إماراتية مسجلة، لذا لا تستطيع DHA تأكيد هذا التأمين. امسح الهوية الإماراتية للمريض أو اكتب رقمها.</translation>
    </message>
    <message>
      <source>DHA eClaimLink could not be reached; the insurance shown is the data on file and is not verified in real time.</source>
      <comment>eligibility.dha_unreachable</comment>
      <translation>تعذّر الوصول إلى DHA eClaimLink؛ التأمين المعروض هو البيانات المسجلة ولم يتم التحقق منه فوريًا.</translation>
    </message>
    <message>
      <source>The policy on file expired on {day}. Check whether it was renewed, or treat the visit as self-pay.</source>
      <comment>eligibility.policy_expired</comment>
      <translation>انتهت صلاحية الوثيقة المسجلة في {day}. تحقّق مما إذا كانت قد جُدّدت، أو عامل الزيارة كدفع ذاتي.</translation>
    </message>
    <message>
      <source>DHA reports this member as {status}, but a {payer} policy ({number}) is on file. Use the data on file, treat the visit as self-pay, or update the insurance.</source>
      <comment>eligibility.mismatch</comment>
      <translation>تُظهر DHA حالة هذا المشترك «{status}»، لكن توجد وثيقة {payer} ({number}) مسجلة. استخدم البيانات المسجلة، أو عامل الزيارة كدفع ذاتي، أو حدّث التأمين.</translation>
    </message>
    <message>
      <source>The policy on file had expired on {day}; DHA shows it renewed until {until}. The policy was updated from DHA.</source>
      <comment>eligibility.renewed_until</comment>
      <translation>كانت الوثيقة المسجلة قد انتهت في {day}؛ وتُظهر DHA أنها جُدّدت حتى {until}. تم تحديث الوثيقة من DHA.</translation>
    </message>
    <message>
      <source>The policy on file had expired on {day}; DHA shows it renewed. The policy was updated from DHA.</source>
      <comment>eligibility.renewed</comment>
      <translation>كانت الوثيقة المسجلة قد انتهت في {day}؛ وتُظهر DHA أنها جُدّدت. تم تحديث الوثيقة من DHA.</translation>
    </message>
  </context>
</TS>
