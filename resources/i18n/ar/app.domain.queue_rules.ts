<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>check the patient in</source>
      <comment>queue_rules.action_check_in</comment>
      <translation>تسجيل وصول المريض</translation>
    </message>
    <message>
      <source>record vitals</source>
      <comment>queue_rules.action_record_vitals</comment>
      <translation>تسجيل العلامات الحيوية</translation>
    </message>
    <message>
      <source>start the consultation</source>
      <comment>queue_rules.action_start</comment>
      <translation>بدء الاستشارة</translation>
    </message>
    <message>
      <source>complete the consultation</source>
      <comment>queue_rules.action_complete</comment>
      <translation>إنهاء الاستشارة</translation>
    </message>
    <message>
      <source>scheduled</source>
      <comment>queue_rules.status_scheduled</comment>
      <translation>مجدول</translation>
    </message>
    <message>
      <source>confirmed</source>
      <comment>queue_rules.status_confirmed</comment>
      <translation>مؤكد</translation>
    </message>
    <message>
      <source>checked in</source>
      <comment>queue_rules.status_checked_in</comment>
      <translation>تم تسجيل وصوله</translation>
    </message>
    <message>
      <source>in consultation</source>
      <comment>queue_rules.status_in_consultation</comment>
      <translation>قيد الاستشارة</translation>
    </message>
    <message>
      <source>completed</source>
      <comment>queue_rules.status_completed</comment>
      <translation>مكتمل</translation>
    </message>
    <message>
      <source>cancelled</source>
      <comment>queue_rules.status_cancelled</comment>
      <translation>ملغى</translation>
    </message>
    <message>
      <source>marked as a no-show</source>
      <comment>queue_rules.status_no_show</comment>
      <translation>مسجّل كعدم حضور</translation>
    </message>
    <message>
      <source>Check the patient in first.</source>
      <comment>queue_rules.hint_check_in_first</comment>
      <translation>سجّل وصول المريض أولًا.</translation>
    </message>
    <message>
      <source>Check the patient in and start the consultation first.</source>
      <comment>queue_rules.hint_check_in_and_start</comment>
      <translation>سجّل وصول المريض وابدأ الاستشارة أولًا.</translation>
    </message>
    <message>
      <source>The patient is already in the queue.</source>
      <comment>queue_rules.hint_already_queued</comment>
      <translation>المريض موجود بالفعل في قائمة الانتظار.</translation>
    </message>
    <message>
      <source>The patient is already with the doctor.</source>
      <comment>queue_rules.hint_with_doctor</comment>
      <translation>المريض عند الطبيب بالفعل.</translation>
    </message>
    <message>
      <source>The consultation has already started.</source>
      <comment>queue_rules.hint_already_started</comment>
      <translation>بدأت الاستشارة بالفعل.</translation>
    </message>
    <message>
      <source>Start the consultation first.</source>
      <comment>queue_rules.hint_start_first</comment>
      <translation>ابدأ الاستشارة أولًا.</translation>
    </message>
    <message>
      <source>Cannot {action}: this appointment is {status}. {hint}</source>
      <comment>queue_rules.cannot_hint</comment>
      <translation>لا يمكن {action}: هذا الموعد {status}. {hint}</translation>
    </message>
    <message>
      <source>Cannot {action}: this appointment is {status}.</source>
      <comment>queue_rules.cannot</comment>
      <translation>لا يمكن {action}: هذا الموعد {status}.</translation>
    </message>
    <message>
      <source>Collect, waive or defer the copay before checking the patient in.</source>
      <comment>queue_rules.collect_waive_defer_copay</comment>
      <translation>حصّل نسبة التحمل أو أعفِ منها أو أجّلها قبل تسجيل وصول المريض.</translation>
    </message>
  </context>
</TS>
