<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Verified via DHA eClaimLink</source>
      <translation>تم التحقق عبر DHA eClaimLink</translation>
    </message>
    <message>
      <source>Test environment</source>
      <translation>بيئة اختبار</translation>
    </message>
    <message>
      <source>Not real-time verified</source>
      <translation>لم يتم التحقق بشكل فوري</translation>
    </message>
    <message>
      <source>SIMULATED</source>
      <translation>محاكاة (SIMULATED)</translation>
    </message>
    <message>
      <source>Manual verification required</source>
      <translation>يلزم التحقق اليدوي</translation>
    </message>
    <message>
      <source>This workstation's hospital no longer exists.</source>
      <comment>eligibility.workstation_hospital_no_longer</comment>
      <translation>مستشفى محطة العمل هذه لم يعد موجودًا.</translation>
    </message>
    <message>
      <source>That patient is not registered at this hospital.</source>
      <comment>eligibility.patient_not_registered_hospital</comment>
      <translation>هذا المريض غير مسجّل في هذا المستشفى.</translation>
    </message>
    <message>
      <source>That appointment is not this patient's at this hospital.</source>
      <comment>eligibility.appointment_not_patient_hospital</comment>
      <translation>هذا الموعد لا يخص هذا المريض في هذا المستشفى.</translation>
    </message>
    <message>
      <source>A policy was added on another workstation meanwhile; verify again to compare it with DHA.</source>
      <comment>eligibility.policy_added_meanwhile</comment>
      <translation>أُضيفت وثيقة تأمين من محطة عمل أخرى في هذه الأثناء؛ تحقّق مرة أخرى لمقارنتها ببيانات DHA.</translation>
    </message>
    <message>
      <source>an unnamed payer</source>
      <comment>eligibility.unnamed_payer</comment>
      <translation>جهة دافعة بلا اسم</translation>
    </message>
    <message>
      <source>DHA shows cover with {payer} (payer id {key}), but no payer with that DHA id or code is set up at this hospital, so no insurance was added. Add the payer, then add the insurance.</source>
      <comment>eligibility.dha_payer_unknown</comment>
      <translation>تُظهر DHA تغطية لدى {payer} (معرّف الجهة الدافعة {key})، لكن لا توجد جهة دافعة بهذا المعرّف أو الرمز في هذا المستشفى، لذلك لم يُضف أي تأمين. أضف الجهة الدافعة ثم أضف التأمين.</translation>
    </message>
    <message>
      <source>not given</source>
      <comment>eligibility.not_given</comment>
      <translation>غير مذكور</translation>
    </message>
    <message>
      <source>{payer} cover found on DHA was added to the patient's file.</source>
      <comment>eligibility.dha_cover_added</comment>
      <translation>أُضيفت تغطية {payer} الموجودة في DHA إلى ملف المريض.</translation>
    </message>
    <message>
      <source>Unknown choice {choice}.</source>
      <comment>eligibility.unknown_choice</comment>
      <translation>خيار غير معروف {choice}.</translation>
    </message>
    <message>
      <source>Choose: use the data on file, treat as self-pay, or update the insurance.</source>
      <comment>eligibility.choose_use_data_file</comment>
      <translation>اختر: استخدام البيانات المسجلة، أو المعاملة كدفع ذاتي، أو تحديث التأمين.</translation>
    </message>
    <message>
      <source>Updating the insurance needs DHA's answer; verify again.</source>
      <comment>eligibility.updating_insurance_needs_dha</comment>
      <translation>يتطلب تحديث التأمين رد DHA؛ تحقّق مرة أخرى.</translation>
    </message>
    <message>
      <source>This coverage change was already {decision}.</source>
      <comment>eligibility.coverage_change_already</comment>
      <translation>تغيير التغطية هذا {decision} بالفعل.</translation>
    </message>
    <message>
      <source>accepted</source>
      <comment>eligibility.accepted</comment>
      <translation>مقبول</translation>
    </message>
    <message>
      <source>rejected</source>
      <comment>eligibility.rejected</comment>
      <translation>مرفوض</translation>
    </message>
    <message>
      <source>No coverage change from DHA is waiting for this policy.</source>
      <comment>eligibility.no_coverage_change_dha</comment>
      <translation>لا يوجد تغيير تغطية من DHA بانتظار هذه الوثيقة.</translation>
    </message>
    <message>
      <source>That insurance policy is not on file at this hospital.</source>
      <comment>eligibility.insurance_policy_not_file</comment>
      <translation>وثيقة التأمين هذه غير مسجلة في هذا المستشفى.</translation>
    </message>
    <message>
      <source>Say why the coverage change from DHA is rejected.</source>
      <comment>eligibility.say_why_coverage_change</comment>
      <translation>اذكر سبب رفض تغيير التغطية الوارد من DHA.</translation>
    </message>
    <message>
      <source>Say how the insurance was verified (who confirmed it, reference number).</source>
      <comment>eligibility.say_how_insurance_verified</comment>
      <translation>اذكر كيف تم التحقق من التأمين (من أكّده، والرقم المرجعي).</translation>
    </message>
    <message>
      <source>Give the reason the insurance is rejected.</source>
      <comment>eligibility.give_reason_insurance_rejected</comment>
      <translation>اذكر سبب رفض التأمين.</translation>
    </message>
  </context>
</TS>
